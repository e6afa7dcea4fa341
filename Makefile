# Two commands do all the set-up on a fresh machine (only Python 3.11+ needed):
#   make run   - create .venv, install, migrate the SQLite default, start the bot on 127.0.0.1:8000
#   make test  - create .venv, install, run the whole suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# test runners in parallel (pytest-xdist): one per core; JOBS=0 runs the suite in this process
JOBS   ?= auto

.PHONY: run test install worker chat messages clean

$(BIN)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/flask --app wsgi db upgrade
	@$(BIN)/python -m bot.cli.welcome $(HOST) $(PORT)
	$(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) wsgi:app

test: install
	$(BIN)/python -m pytest -n $(JOBS) $(PYTEST_ARGS)

worker: install
	$(BIN)/flask --app wsgi worker

messages: install
	$(BIN)/python -m bot.cli.messages

chat: install
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi chat --from $(or $(FROM),+972501234567)

clean:
	rm -rf $(VENV) instance/*.sqlite3*
