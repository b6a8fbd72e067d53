# Open Kraków: the single entry points. `make run` serves the site, `make test` checks everything.
# Both set up the virtual environment, the database and the compiled translations by themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The port `make run` serves on; exported so that links in e-mails (SITE_URL) point there too.
export PORT ?= 8000
LANGS := pl en uk ru
MANAGE := $(BIN)/python manage.py

# A local, non-DEBUG configuration for `make run`: settings read this machine's key from var/secret_key
# (made once, here) and serve loopback only; every value can be overridden from the environment.
$(shell mkdir -p var && test -s var/secret_key || $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key)
export HTTPS ?= 0
export SERVE_MEDIA ?= 1

.PHONY: run test setup migrate messages-compile messages-check messages lint bench lighthouse worker clean scale-demo

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed messages-compile migrate

migrate: $(BIN)/.installed
	mkdir -p var
	$(MANAGE) migrate --noinput

messages-compile: $(BIN)/.installed
	@command -v msgfmt >/dev/null || { echo "gettext's msgfmt is missing: install the 'gettext' package (apt-get install gettext)"; exit 1; }
	$(MANAGE) compilemessages --ignore=.venv --ignore=var

# Every interface string must be translated: no untranslated or fuzzy entry in any language.
messages-check:
	@status=0; for lang in $(LANGS); do \
	  stats=$$(msgfmt --statistics -o /dev/null locale/$$lang/LC_MESSAGES/django.po 2>&1); \
	  echo "$$lang: $$stats"; \
	  case "$$stats" in *untranslated*|*fuzzy*) status=1;; esac; \
	done; exit $$status

# For developers: collect new strings; English copies its source text, every entry afresh (msgen alone
# keeps what msgmerge guessed for a changed string).
messages: $(BIN)/.installed
	$(MANAGE) makemessages $(foreach l,$(LANGS),-l $(l)) --no-location --ignore=.venv --ignore=var
	msgattrib --clear-fuzzy --clear-previous locale/en/LC_MESSAGES/django.po \
	  | msgfilter --keep-header sed -e 's/.*//' | msgen --no-wrap - -o locale/en/LC_MESSAGES/django.po

lint: $(BIN)/.installed
	$(BIN)/ruff check .

run: setup
	$(MANAGE) load_demo
	$(MANAGE) create_admin
	$(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Open Kraków is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) outbox_worker & worker=$$!; \
	  $(BIN)/gunicorn openkrakow.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# The outbox worker: sends queued e-mail, retrying failures; run beside the web server.
worker: setup
	$(MANAGE) outbox_worker

test: setup lint messages-check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# Load the site with wrk under production settings on PostgreSQL; writes bench/results.md.
bench: setup
	@command -v wrk >/dev/null && command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server; }
	$(BIN)/python bench/run.py

# Lighthouse scores (mobile and desktop) of the home page, the schedule and the feedback form in uk and pl, with
# the system's Chromium; writes bench/lighthouse.md and fails below the bar. Lighthouse is installed from the npm
# registry into tools/lighthouse (package-lock.json pins it).
LIGHTHOUSE_DIR := tools/lighthouse
$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json
	npm ci --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --silent
	touch $@

lighthouse: setup $(LIGHTHOUSE_DIR)/node_modules/.installed
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python bench/lighthouse.py

# Two gunicorn instances behind nginx on PostgreSQL (database openkrakow_scale), until Ctrl-C; see deploy/.
scale-demo: setup
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }
	$(BIN)/python deploy/scale_demo.py

clean:
	rm -rf $(VENV) var
