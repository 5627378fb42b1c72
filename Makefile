# The portal's commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py
# Debian's nginx and the modules deploy/nginx/portal.conf loads when present.
NGINX_PACKAGES := nginx libnginx-mod-http-brotli-filter libnginx-mod-http-cache-purge
NGINX_INSTALL := test -x /usr/sbin/nginx -a -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so \
	|| DEBIAN_FRONTEND=noninteractive apt-get install -y $(NGINX_PACKAGES) >/dev/null 2>&1 \
	|| (apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y $(NGINX_PACKAGES) >/dev/null)

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets with one line each
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the portal

.PHONY: compilemessages
compilemessages: $(VENV)/.installed ## Compile the .po files into .mo files
	$(MANAGE) compilemessages --ignore=.venv --verbosity=0

.PHONY: migrate
migrate: $(VENV)/.installed ## Apply migrations (SQLite by default, DATABASE_URL honoured)
	$(MANAGE) migrate --noinput

.PHONY: seed
seed: migrate ## Load the seed content into an empty site (a site with content is left as it is)
	$(MANAGE) seed

.PHONY: run
run: compilemessages seed ## Set everything up and serve at http://127.0.0.1:$(PORT)/
	@echo ""
	@echo "The portal: http://127.0.0.1:$(PORT)/sv/ (English: /en/). Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "To create an editor account for the admin, run in another terminal:"
	@echo "    $(PY) manage.py createsuperuser"
	@echo ""
	PORT=$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

.PHONY: test
test: $(VENV)/.installed-test compilemessages ## Install the test dependencies and run the whole suite
	$(VENV)/bin/pytest $(PYTEST_ARGS)

.PHONY: browser-tests
browser-tests: $(VENV)/.installed-test compilemessages ## Run only the browser tests (needs Debian's chromium)
	$(VENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

.PHONY: weight
weight: $(VENV)/.installed-test ## Measure a theme page's first view against a running server (URL=...)
	$(PY) -m tests.e2e.measure_weight $(URL)

.PHONY: lighthouse
lighthouse: $(VENV)/.installed compilemessages ## Lighthouse (12, from npm into .lighthouse/) on every page type, both languages, on a throwaway SQLite database; fails below SEO 100 (LIGHTHOUSE_ARGS=--help)
	@$(NGINX_INSTALL)
	$(PY) -m tools.lighthouse $(LIGHTHOUSE_ARGS)

.PHONY: lint
lint: $(VENV)/.installed-test ## Check style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: format
format: $(VENV)/.installed-test ## Format and fix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

.PHONY: messages
messages: $(VENV)/.installed ## Update locale/sv/LC_MESSAGES/django.po from the sources
	$(MANAGE) update_messages

.PHONY: check-messages
check-messages: $(VENV)/.installed ## Fail if makemessages would change a .po file or a Swedish string is missing
	$(MANAGE) update_messages --check

.PHONY: check
check: $(VENV)/.installed-test ## Django checks, missing migrations, messages and lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) update_messages --check
	$(MAKE) lint

.PHONY: audit
audit: $(VENV)/.installed-test ## Fail on known vulnerabilities in the installed packages (pip-audit; AUDIT_REQUIRED=1 also fails when the service is out of reach)
	$(PY) -m tools.audit

.PHONY: serve
serve: $(VENV)/.installed compilemessages ## Production shape against DATABASE_URL: nginx (installed if missing) in front of gunicorn, at http://localhost:$(PORT)/
	@test -n "$(DATABASE_URL)" || (echo "Set DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal make serve"; exit 2)
	@$(NGINX_INSTALL)
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	exec $(PY) -m tools.serve --prepare --port $(PORT) --workers $${WORKERS:-2}

.PHONY: bench
bench: $(VENV)/.installed compilemessages ## HTTP benchmark with wrk against a throwaway PostgreSQL database
	@command -v wrk >/dev/null || (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null))
	@$(NGINX_INSTALL)
	$(PY) -m tools.bench $(BENCH_ARGS)

.PHONY: fault-demo
fault-demo: $(VENV)/.installed compilemessages ## Stop the local PostgreSQL under load and show the portal's answers (needs root; stops every database on the cluster for about 10 s)
	$(PY) -m tools.faults $(FAULT_ARGS)

.PHONY: upgrade-check
upgrade-check: $(VENV)/.installed compilemessages ## Upgrade a PostgreSQL database made and edited by an older checkout (OLD=path) with this code; fail if anything is lost
	@test -n "$(OLD)" || (echo "Set OLD to a checkout of the older release, e.g. git worktree add --detach /tmp/old HEAD~1; make upgrade-check OLD=/tmp/old"; exit 2)
	$(PY) -m tools.upgrade_check --old $(OLD)
