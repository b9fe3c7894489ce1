"""The hardened bureau server (`subsidykit serve`): xlwings Server behind a guard.

* `settings` – the limits and timeouts (``SUBSIDYKIT_*`` environment variables) and the
  Chinese messages the guard answers with;
* `guard` – a pure-ASGI middleware in front of xlwings Server: path checks, the access
  token before any body is read, a rate limit on failed tokens, body caps, JSON errors
  without tracebacks; a static-file handler that never leaves its folder;
* `app` – the guarded application (``subsidykit.server.app:app``) uvicorn and gunicorn run;
* `http` – uvicorn protocols with a request-header timeout, the uvicorn settings;
* `workers` – the gunicorn worker class (``subsidykit.server.workers.UvicornWorker``);
* `logs` – the log filter (no tracebacks, query strings, file names or tokens);
* `uploads` – upload folders and the child process that validates/summarises an upload;
* `worker` – that child (``python -m subsidykit.server.worker JOB``).

Only `app` imports xlwings Server; the rest can be imported anywhere.

Layer: adapter.  May import: the workflows (`subsidykit.validation`, `subsidykit.summary`)
and everything below them; never `subsidykit.cli`, `udfs` or `macros` (the xlwings Server
project in ``addin/server`` imports those and this package, not the other way round).
"""
