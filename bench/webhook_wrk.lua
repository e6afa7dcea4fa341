-- wrk script for bench/webhook_wrk.py: POST /webhook with pre-signed bodies, a different
-- one for every request.
--
--   wrk -t 2 -c 8 -d 8s -s bench/webhook_wrk.lua http://127.0.0.1:PORT -- PREFIX OFFSET0 OFFSET1 ...
--
-- Thread k (numbered 0.. in the order wrk sets them up) reads the file "PREFIX.k", one
-- request a line: "<X-Hub-Signature-256 value>\t<raw JSON body>", from line OFFSETk + 1
-- on, one line per request, back to the start only if it runs out (reported as wrapped).
-- done() prints one "WRKBENCH ..." line: wrk's error counts, latency percentiles and, per
-- thread, how many bodies it sent, so the next run can carry on where this one stopped.

local threads = {}
local count = 0

function setup(thread)
   thread:set("id", count)
   table.insert(threads, thread)
   count = count + 1
end

function init(args)
   local skip = tonumber(args[id + 2]) or 0
   file = assert(io.open(args[1] .. "." .. id, "rb"))
   for _ = 1, skip do
      assert(file:read("*l"), "offset past the end of the file")
   end
   sent = 0
   wrapped = 0
   headers = { ["Content-Type"] = "application/json" }
   pending = nil
   -- wrk calls request() once on its first thread to check the request, before the
   -- run; that call must not use up a body, so its request is kept for the first real one.
   checked = (id ~= 0)
end

local function next_line()
   local line = file:read("*l")
   if line == nil then
      file:seek("set", 0)
      wrapped = 1
      line = assert(file:read("*l"), "empty body file")
   end
   return line
end

local function build(line)
   local tab = line:find("\t", 1, true)
   headers["X-Hub-Signature-256"] = line:sub(1, tab - 1)
   return wrk.format("POST", "/webhook", headers, line:sub(tab + 1))
end

function request()
   local req = pending
   if req then
      pending = nil
   else
      req = build(next_line())
   end
   if not checked then
      checked = true
      pending = req
      return req
   end
   sent = sent + 1
   return req
end

function done(summary, latency, requests)
   local parts = {}
   for _, t in ipairs(threads) do
      table.insert(parts, string.format("%d:%d:%d", t:get("id"), t:get("sent"), t:get("wrapped")))
   end
   local e = summary.errors
   io.write(string.format(
      "WRKBENCH requests=%d status=%d connect=%d read=%d write=%d timeout=%d " ..
      "p50_ms=%.2f p99_ms=%.2f threads=%s\n",
      summary.requests, e.status, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, table.concat(parts, ",")))
end
