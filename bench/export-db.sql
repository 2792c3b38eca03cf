-- Exports what the worker stored, one JSON line per domain, in the shape check-results.py reads
-- (the same as `dns-worker.jar resolve` prints). Values longer than their legacy column are read
-- back from dnsx_oversized_records, so the check covers them too.
SELECT json_build_object(
  'domain', d.name,
  'status', coalesce((SELECT o.outcome FROM dnsx_domain_outcomes o WHERE o.domain_id = d.id
                       ORDER BY o.resolved_at DESC LIMIT 1), 'missing'),
  'A',     json_build_object('values', coalesce((SELECT json_agg(ip_address) FROM a_records WHERE domain_id = d.id), '[]')),
  'AAAA',  json_build_object('values', coalesce((SELECT json_agg(ip_address) FROM aaaa_records WHERE domain_id = d.id), '[]')),
  'NS',    json_build_object('values', coalesce((SELECT json_agg(v) FROM (
              SELECT value AS v FROM ns_records WHERE domain_id = d.id
              UNION ALL SELECT value_text FROM dnsx_oversized_records WHERE domain_id = d.id AND record_type = 'NS') s), '[]')),
  'MX',    json_build_object('values', coalesce((SELECT json_agg(v) FROM (
              SELECT priority || ' ' || exchange AS v FROM mx_records WHERE domain_id = d.id
              UNION ALL SELECT value_text FROM dnsx_oversized_records WHERE domain_id = d.id AND record_type = 'MX') s), '[]')),
  'SOA',   json_build_object('values', coalesce((SELECT json_agg(v) FROM (
              SELECT value AS v FROM soa_records WHERE domain_id = d.id
              UNION ALL SELECT value_text FROM dnsx_oversized_records WHERE domain_id = d.id AND record_type = 'SOA') s), '[]')),
  'CNAME', json_build_object('values', coalesce((SELECT json_agg(v) FROM (
              SELECT target AS v FROM cname_records WHERE domain_id = d.id
              UNION ALL SELECT value_text FROM dnsx_oversized_records WHERE domain_id = d.id AND record_type = 'CNAME') s), '[]')),
  'TXT',   json_build_object('values', coalesce((SELECT json_agg(v) FROM (
              SELECT content AS v FROM txt_records WHERE domain_id = d.id
              UNION ALL SELECT value_text FROM dnsx_oversized_records WHERE domain_id = d.id AND record_type = 'TXT') s), '[]'))
)
FROM domains d;
