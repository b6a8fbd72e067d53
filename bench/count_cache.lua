-- wrk script: counts the page cache's answers (the X-Page-Cache header: hit, miss, or none for pages it never
-- keeps) over all threads, and prints them as one JSON line starting with CACHE when the run is done.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  hits, misses, others = 0, 0, 0
end

function response(status, headers, body)
  local state = headers["X-Page-Cache"]
  if state == "hit" then
    hits = hits + 1
  elseif state == "miss" then
    misses = misses + 1
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local hit, miss, other = 0, 0, 0
  for _, thread in ipairs(threads) do
    hit = hit + thread:get("hits")
    miss = miss + thread:get("misses")
    other = other + thread:get("others")
  end
  io.write(string.format('CACHE {"hit": %d, "miss": %d, "other": %d}\n', hit, miss, other))
end
