# HİD — Odoo 11 on Python 3.7, built with the same script and pins as `make run`.
FROM python:3.7-slim-bookworm

ENV LANG=C.UTF-8 \
    HID_VAR=/opt/hid/var \
    PGHOST=db PGPORT=5432 PGUSER=hid

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        gcc libc6-dev libpq-dev libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev \
        nodejs npm curl gettext-base postgresql-client wkhtmltopdf fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/hid
COPY requirements/ requirements/
COPY scripts/ scripts/
# PGHOST is set, so setup.sh installs no PostgreSQL server: the database is its own service.
RUN HID_PYTHON=/usr/local/bin/python3.7 scripts/setup.sh \
    && rm -rf /root/.cache /root/.npm
COPY config/ config/
COPY addons/ addons/

RUN useradd --system --home /opt/hid --shell /usr/sbin/nologin odoo \
    && mkdir -p /opt/hid/var/data /opt/hid/var/log && chown -R odoo /opt/hid/var
USER odoo
VOLUME ["/opt/hid/var/data"]
EXPOSE 8069 8072
ENTRYPOINT ["/opt/hid/scripts/docker-entrypoint.sh"]
