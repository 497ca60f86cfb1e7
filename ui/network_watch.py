"""Says when this computer's network comes back, so that a relay out of reach is tried again at once."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

log = logging.getLogger(__name__)

Reachability = QNetworkInformation.Reachability
# A relay is on the internet or, tried out, on the shop's own network: either is worth trying again.
REACHES_A_RELAY = (Reachability.Site, Reachability.Online)


class NetworkWatch(QObject):
    """`back` when the system says the network is back (a laptop that woke and joined its Wi-Fi
    again, a cable plugged in). Without it, a relay out of reach was tried again on its backoff: up
    to a minute after the network had come back, while the window still said it could not reach it.
    Says nothing where Qt has no backend for this system."""

    back = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reachability = Reachability.Unknown
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("this system does not say when its network comes back")
            return
        info = QNetworkInformation.instance()
        if info is not None:
            self.reachability = info.reachability()
            info.reachabilityChanged.connect(self.reachability_changed)

    def reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        was, self.reachability = self.reachability, reachability
        if reachability in REACHES_A_RELAY and was not in REACHES_A_RELAY:
            log.info("the network is back (%s)", reachability.name)
            self.back.emit()
