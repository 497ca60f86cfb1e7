"""The relay's HTTP routes, one APIRouter per resource; `relay/server.py` mounts them."""
