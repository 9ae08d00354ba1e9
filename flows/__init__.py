"""Prefect flows: orchestration only (batching, retries, schedules, reports). The work is in
`pipeline`, which never imports Prefect."""
