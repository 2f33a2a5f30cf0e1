-- wrk script for bench/mixed.sh: a weighted mix of what portfolio owners and analysts ask,
-- paced to a total rate. Environment: PATHS_FILE (lines "weight path [owner]"; owner requests
-- carry OWNER_KEY), RATE (requests/s over all connections, 0 = as fast as possible),
-- CONNECTIONS. Ends with the RESULT line of wrk-report.lua.
local paths, owner = {}, {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  local weight, path, who = line:match("^(%d+)%s+(%S+)%s*(%S*)$")
  for _ = 1, tonumber(weight or 0) do
    table.insert(paths, path)
    table.insert(owner, who == "owner")
  end
end
local key = os.getenv("OWNER_KEY")
local rate = tonumber(os.getenv("RATE") or "0")
local wait_ms = rate > 0 and 1000 * tonumber(os.getenv("CONNECTIONS")) / rate or 0

function init(args)
  math.randomseed(tonumber(tostring({}):match("0x(%x+)"), 16) % 2147483647)
end

-- Each connection waits this long before each request, so that together they send about RATE
-- requests/s (a little less: wrk adds each answer's latency to the wait).
function delay()
  return wait_ms
end

function request()
  local i = math.random(#paths)
  return wrk.format("GET", paths[i], owner[i] and { ["X-API-Key"] = key } or {})
end

dofile(os.getenv("REPORT_LUA"))
