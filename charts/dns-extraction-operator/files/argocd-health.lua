-- Argo CD health check of a DnsExtractionRun: the value of
-- resource.customizations.health.dns.purplejo.io_DnsExtractionRun in argocd-cm.
-- Healthy once the run Succeeded, Degraded when it Failed or is held by a problem only a person can
-- fix (its Stalled condition), Suspended while spec.suspend holds it, Progressing otherwise.
local hs = {}

local function condition(type)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "waiting for the operator to pick the run up"
  return hs
end

if obj.metadata ~= nil and obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
    and obj.status.observedGeneration < obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "the operator has not observed the latest spec yet"
  return hs
end

local phase = obj.status.phase
hs.message = obj.status.message or ""
if phase == "Succeeded" then
  hs.status = "Healthy"
elseif phase == "Failed" then
  hs.status = "Degraded"
elseif phase == "Suspended" then
  hs.status = "Suspended"
else
  local stalled = condition("Stalled")
  if stalled ~= nil and stalled.status == "True" then
    hs.status = "Degraded"
    hs.message = stalled.message or hs.message
  else
    hs.status = "Progressing"
  end
end
return hs
