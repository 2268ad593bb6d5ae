-- wrk script for bench/load_writes.sh: a mixed API workload, 70 % reads and 30 % writes, on the
-- library bench/library_data.py fills (20,000 movies, 1,000 shows, 20,000 albums, 240,000 tracks)
-- and the downloads the benchmark added (ids 1..BENCH_DOWNLOADS). Every answer's status is
-- counted per thread; done() prints "status CODE COUNT" lines for the script to read.
--
-- Writes: PUT /api/movies/:id, /api/tracks/:id, /api/albums/:id {"monitored": ...} and
-- POST /api/blocklist — plain database writes in lcars-fcgi, next to lcarsd's own.

local downloads = tonumber(os.getenv("BENCH_DOWNLOADS") or "50")
local json   -- wrk.headers (the token from -H) plus a JSON content type; set in init()
local threads = {}
local thread_number = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("seed", thread_number)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
  counts = {}
  serial = 0
  -- wrk.format(method, path, headers, body) uses the headers given *instead of* wrk.headers.
  json = {["Content-Type"] = "application/json"}
  for name, value in pairs(wrk.headers) do json[name] = value end
end

local function bool() return math.random(2) == 1 and "true" or "false" end

-- {weight, function returning the request}
local mix = {
  {20, function() return wrk.format("GET", "/api/downloads") end},
  {15, function() return wrk.format("GET", "/api/downloads/" .. math.random(1, downloads)) end},
  {15, function() return wrk.format("GET", "/api/movies?limit=50&page=" .. math.random(1, 400)) end},
  {10, function() return wrk.format("GET", "/api/system/status") end},
  {10, function() return wrk.format("GET", "/api/tv/" .. math.random(1, 1000)) end},
  {12, function() return wrk.format("PUT", "/api/movies/" .. math.random(1, 20000), json, '{"monitored":' .. bool() .. '}') end},
  {8, function() return wrk.format("PUT", "/api/tracks/" .. math.random(1, 240000), json, '{"monitored":' .. bool() .. '}') end},
  {5, function() return wrk.format("PUT", "/api/albums/" .. math.random(1, 20000), json, '{"monitored":' .. bool() .. '}') end},
  {5, function()
    serial = serial + 1
    return wrk.format("POST", "/api/blocklist", json,
      string.format('{"title":"Bench.Release.%d.%d.%d","reason":"load bench"}', seed, serial, math.random(1, 1000000000)))
  end},
}
local total = 0
for _, entry in ipairs(mix) do total = total + entry[1] end

function request()
  local pick = math.random(1, total)
  for _, entry in ipairs(mix) do
    pick = pick - entry[1]
    if pick <= 0 then return entry[2]() end
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("counts")) do all[code] = (all[code] or 0) + n end
  end
  for code, n in pairs(all) do io.write(string.format("status %d %d\n", code, n)) end
end
