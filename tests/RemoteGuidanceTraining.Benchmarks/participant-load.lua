-- wrk script for participant-load.sh. TARGETS names a file with one participant per line:
-- cookie <TAB> path <TAB> form body (for a quiz POST). MODE=get requests each participant's path in turn;
-- MODE=quiz alternates a quiz POST and the GET of the page it redirects to (one "answer" = two requests).
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local cookie, path, body = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
  targets[#targets + 1] = { cookie = cookie, path = path, body = body }
end
local mode = os.getenv("MODE") or "get"
local n = 0

request = function()
  n = n + 1
  if mode == "quiz" then
    local t = targets[(math.floor(n / 2) % #targets) + 1]
    if n % 2 == 0 then
      return wrk.format("POST", t.path .. "?handler=Quiz",
        { ["Cookie"] = t.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, t.body)
    end
    return wrk.format("GET", t.path, { ["Cookie"] = t.cookie })
  end
  local t = targets[(n % #targets) + 1]
  return wrk.format("GET", t.path, { ["Cookie"] = t.cookie })
end
