-- wrk script for bench/events.sh: WeChat text messages to the callback, each delivered twice in a row (the second
-- as WeChat's retry), from a new follower each. Plain mode; the signature in the URL covers token, timestamp and
-- nonce, not the body, so one signed URL serves every request.
--   wrk -t2 -c200 -d20s -s bench/events/callback.lua <signed callback URL> -- <run number, 1 to 9000> <text>
-- Message ids are unique per run number (the callback remembers ids for ten minutes). wrk runs LuaJIT (Lua 5.1).
local counter = 0
local threads = 0
local run, text, create_time  -- thread_id: a global that setup() sets in each thread

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  run = tonumber(args[1] or "1")
  text = args[2] or "活动"
  create_time = os.time()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "text/xml"
end

function request()
  counter = counter + 1
  local message = math.floor((counter + 1) / 2)
  local body = "<xml><ToUserName><![CDATA[gh_bench000001]]></ToUserName>"
    .. "<FromUserName><![CDATA[o-" .. run .. "-" .. thread_id .. "-" .. message .. "]]></FromUserName>"
    .. "<CreateTime>" .. create_time .. "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
    .. "<Content><![CDATA[" .. text .. "]]></Content>"
    .. "<MsgId>" .. string.format("%.0f", run * 1e12 + thread_id * 1e9 + message) .. "</MsgId></xml>"
  return wrk.format(nil, nil, nil, body)
end
