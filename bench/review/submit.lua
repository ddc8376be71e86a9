-- Submits works for review, each once: every thread walks its own list of work ids.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  works, next_work, submitted, failed = {}, 1, 0, 0
  for line in io.lines(os.getenv("WORK") .. "/works-" .. id .. ".txt") do
    works[#works + 1] = line
  end
end

function request()
  local work = works[next_work] or works[1]
  next_work = next_work + 1
  return wrk.format("POST", "/api/works/" .. work .. "/submissions",
    {["Authorization"] = "Basic " .. os.getenv("MEMBER_AUTH")}, "")
end

function response(status, headers, body)
  if status == 201 then submitted = submitted + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("submit responses: %d requests in total\n", summary.requests))
end
