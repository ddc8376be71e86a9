-- Creates article works as a society member; each thread appends the new ids to its own file.
local counter = 0
local file

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  file = io.open(os.getenv("WORK") .. "/works-" .. id .. ".txt", "a")
  created, failed = 0, 0
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. os.getenv("MEMBER_AUTH")
wrk.body = '{"kind":"ARTICLE","organisation":"nutrition","draft":{"title":"压测作品","summary":"性能测试","body":"冬季取暖要开窗通风。","topics":["health"],"originality":"ORIGINAL","licence":"CC-BY-NC-4.0"}}'

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    file:write(string.match(body, '"id":"([^"]+)"') .. "\n")
    file:flush()
  else
    failed = failed + 1
  end
end
