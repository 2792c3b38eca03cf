{{- define "dnsx.name" -}}dns-extraction-operator{{- end -}}

{{- define "dnsx.fullname" -}}
{{- printf "%s-dns-extraction-operator" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "dnsx.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "dnsx.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "dnsx.labels" -}}
app.kubernetes.io/name: {{ include "dnsx.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "dnsx.selector" -}}
app.kubernetes.io/name: {{ include "dnsx.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* An image from {repository, tag}, the tag defaulting to the chart's appVersion. */}}
{{- define "dnsx.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) -}}
{{- end -}}

{{/*
The operator's API calls, and no more: runs are watched, their status updated, finalizers patched,
expired runs deleted; Jobs and Deployments created, patched (suspend, replicas, template) and deleted;
pods listed (deletion waits for them); Secrets read (the runs' DSN, URL and CA); events created and
patched (repeats count up).
*/}}
{{- define "dnsx.rules" -}}
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionruns"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionschedules"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionschedules/status"]
  verbs: ["update", "patch"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionschedules/finalizers"]
  verbs: ["update"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionruns/status"]
  verbs: ["update", "patch"]
- apiGroups: ["dns.purplejo.io"]
  resources: ["dnsextractionruns/finalizers"]
  verbs: ["update"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["get", "create", "patch"]
{{- end -}}
