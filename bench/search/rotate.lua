-- Sends the requests of the file named by $REQUESTS in turn, one a line: a path alone is a GET, "path<TAB>body" a POST
-- of a JSON body. Each wrk thread starts at another line, so the threads do not ask the same query at the same time.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  requests = {}
  for line in io.lines(os.getenv("REQUESTS")) do
    local path, body = line:match("^([^\t]*)\t(.*)$")
    if path then
      requests[#requests + 1] = wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
    else
      requests[#requests + 1] = wrk.format("GET", line)
    end
  end
  next_request = ((id - 1) * 41) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
