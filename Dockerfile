# The relay only: FastAPI on uvicorn, SQLite or PostgreSQL. No Qt in this image.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    RELAY_DATABASE_URL=sqlite:////data/relay.db RELAY_MEDIA_DIR=/data/media
WORKDIR /srv

# Exactly the relay's share of uv.lock (requirements/relay.txt: no Qt, hashes checked; tzdata because
# the away message is judged in the shop's time zone and slim images may lack the zone files), then the
# package itself without its desktop dependencies.
COPY requirements/relay.txt requirements/
RUN pip install --no-cache-dir --require-hashes -r requirements/relay.txt
COPY pyproject.toml README.md ./
COPY app/__init__.py app/wire.py app/rules.py app/
COPY relay/ relay/
RUN pip install --no-cache-dir --no-deps . \
 && useradd --create-home relay && mkdir -p /data /data/media && chown relay /data /data/media

USER relay
VOLUME /data
EXPOSE 8080
# Ready, not only alive: /readyz answers 503 while the database takes no writes (docs/relay.md, "Health checks").
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/readyz', timeout=8)"
CMD ["shop-inbox-relay", "serve", "--host", "0.0.0.0", "--port", "8080"]
