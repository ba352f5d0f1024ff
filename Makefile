# HİD — the two commands of the README, and a few helpers.
#   make run    install what is missing, create the demo database once, serve on 127.0.0.1:8069
#   make test   the same set-up, then lint and every test (lib, Odoo modules, HTTP, browser)
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help run stop reset test lint setup bench

help:
	@echo "make run    start HİD on http://127.0.0.1:$${HID_HTTP_PORT:-8069} (demo data, Turkish UI)"
	@echo "make test   run every test (lint, lib, Odoo modules, HTTP and browser)"
	@echo "make stop   stop what make run started;  make reset  drop the database"

run:
	@scripts/run.sh

stop:
	@scripts/stop.sh

reset:
	@scripts/reset.sh

test:
	@scripts/test.sh

lint:
	@scripts/setup.sh && scripts/lint.sh

setup:
	@scripts/setup.sh browser

bench:
	@bench/run.sh $(N)
