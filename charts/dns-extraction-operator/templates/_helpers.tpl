{{- define "dnsx.name" -}}dns-extraction-operator{{- end -}}
{{- define "dnsx.fullname" -}}{{ .Release.Name }}-dns-extraction-operator{{- end -}}
{{- define "dnsx.labels" -}}
app.kubernetes.io/name: {{ include "dnsx.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}
{{- define "dnsx.selector" -}}
app.kubernetes.io/name: {{ include "dnsx.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "dnsx.rules" -}}
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionruns"]
  verbs: ["get", "list", "watch", "update", "patch", "delete"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionruns/status"]
  verbs: ["get", "update", "patch"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionruns/finalizers"]
  verbs: ["update"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end -}}
