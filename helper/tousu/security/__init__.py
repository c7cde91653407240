"""Who may talk to the helper: loopback Host, the paired extension's Origin, a pairing token."""

from .guard import init_app
from .pairing import FILE_NAME as PAIRING_FILE
from .pairing import PairingStore

__all__ = ["PAIRING_FILE", "PairingStore", "init_app"]
