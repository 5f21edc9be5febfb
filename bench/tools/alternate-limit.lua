-- wrk script: every other request asks for one item fewer (limit=50, 49, 50, ...), so that no two requests in a row
-- send the same SQL parameters. H2 answers a query repeated with the same parameters from its cache of the last
-- result while nothing was written; the queue benchmark would then time that cache, not the query.
local n = 0
request = function()
  n = n + 1
  local path = wrk.path:gsub("limit=50", "limit=" .. (50 - n % 2))
  return wrk.format(nil, path)
end
