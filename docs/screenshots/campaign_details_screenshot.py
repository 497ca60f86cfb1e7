"""Screenshots of a campaign's report with each recipient the relay held, skipped, paced or failed, and why.

Run under Xvfb: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/campaign_details_screenshot.py ko
(and `en`). With `law-warning`, under Xvfb -screen 0 1400x900x24 and openbox: the law's question
before an ad is sent, in English (`campaign-law-warning-en.png`). The relay is the real one on 127.0.0.1 (its clock in Seoul's night, so marketing waits
for 08:00 without night-time consent: now, when run between 21:00 and 08:00 Seoul time, which reads
best, else 22:00 last night); only Meta's Graph API is the local fake, which paces the template (it
holds sends after the first few) and reports one number undeliverable. The shop is in Seoul, its
business hours on Seoul's clock, as is the computer's: the campaign's times carry no zone's name.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.demo_seed import demo_shop_zone  # noqa: E402
from docs.screenshots.demo_driver import wait_until  # noqa: E402
from docs.screenshots.shop_clock import use_shop_clock  # noqa: E402

OUT = Path(__file__).resolve().parent

AD = {
    "name": "spring_restock",
    "language": "ko",
    "category": "MARKETING",
    "status": "APPROVED",
    "components": [
        {"type": "BODY", "text": "(광고) 서울 리넨 봄 입고! {{1}}님께 쿠폰 SPRING10. 문의 02-123-4567"},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "수신거부"}]},
    ],
}
# (wa_id, name, night-time consent)
CUSTOMERS = (
    ("821055501001", "김민지", True),
    ("821055501002", "박서준", True),
    ("821055501003", "이서연", False),
    ("821055501004", "최지훈", True),
    ("821055501005", "정하은", True),
    ("821055501006", "강다은", False),
    ("821055501007", "윤아름", True),
    ("821055501008", "Amy Clarke", True),
)
UNDELIVERABLE = "821055501002"  # among the first sends, before Meta starts holding
OPTED_OUT_ON_RELAY = "821055501005"  # sent 수신거부 to the relay; this desktop has not heard yet


def seoul_night(now: datetime) -> datetime:
    """`now` when it is night in Seoul (21:00–08:00, when Korean law holds ads), else 22:00 last night."""
    seoul = demo_shop_zone("ko")
    there = now.astimezone(seoul)
    if there.hour >= 21 or there.hour < 8:
        return now
    return datetime.combine(there.date() - timedelta(days=1), dt_time(22), seoul).astimezone(UTC)


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    use_shop_clock("ko")  # the Seoul shop's campaign in either language, on its clock
    app = QApplication(sys.argv[:1])
    from app.automations_store import load_state, save_local
    from app.campaign_actions import read_report, send_campaign
    from app.campaign_store import CampaignDraft
    from app.campaigns import ParameterSpec
    from app.db import Database
    from app.paths import paths_for
    from app.relay_client import RelayClient
    from app.sync import SyncWorker
    from app.wire import Template
    from tests.support.factories import make_contact
    from tests.support.fake_graph import run_fake_graph
    from tests.support.relay_server import inbound, run_relay
    from ui.campaign_window import CampaignWindow
    from ui.context import AppContext
    from ui.translations import install_translators

    install_translators(app, lang)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder, run_fake_graph() as graph:
        tmp = Path(folder)
        graph.templates = [AD]
        graph.paced["spring_restock"] = 3
        graph.late_failures[UNDELIVERABLE] = 131026
        (tmp / "relay-data").mkdir()
        with run_relay(tmp / "relay-data", graph_url=graph.url) as relay:
            graph.webhook_url = f"{relay.url}/webhook"
            night = seoul_night(now)
            relay.relay.clock = lambda: night
            relay.post_webhook(inbound(content="수신거부", sender=OPTED_OUT_ON_RELAY, name="정하은"))
            db = Database.open(tmp / "inbox.db")
            ctx = AppContext(db=db, paths=paths_for(tmp / "data").ensure(), prefs={})
            with db.write() as s:
                for wa_id, name, nights in CUSTOMERS:
                    make_contact(
                        s,
                        wa_id=wa_id,
                        profile_name=name,
                        opted_in_at=now - timedelta(days=30),
                        marketing_consent_at=now - timedelta(days=30),
                        night_consent_at=now - timedelta(days=30) if nights else None,
                    )
                doc = load_state(s).doc
                doc.profile.name = "서울 리넨"
                # The shop's clock, on which campaigns are said (left unset, the campaign window read
                # the default "UTC" as the shop's zone and wrote "(UTC)" after every time).
                doc.business_hours.timezone = demo_shop_zone("ko").key
                save_local(s, doc)
            client = RelayClient(relay.url, relay.token)
            draft = CampaignDraft(
                name="봄 입고 안내" if lang == "ko" else "Spring restock",
                template=Template.model_validate(AD),
                parameters=(ParameterSpec.from_json({"source": "first_name", "text": "고객"}),),
            )
            outcome, _changes = send_campaign(db, client, draft, None)
            assert outcome.refused is None, outcome.refused
            campaign_id = outcome.campaign_id
            wait_until(lambda: len(graph.sent) >= 6)  # the confirmation, and five who may get it at night
            worker = SyncWorker(
                db,
                client,
                on_changed=lambda _c: None,
                on_state=lambda _s: None,
                stop=threading.Event(),
                wait=0,
            )

            def synced() -> bool:
                while worker.poll_once() is not None:
                    pass
                report, _relay = read_report(db, campaign_id, client)
                return report is not None and any(r.state == "failed" for r in report.rows)

            wait_until(synced)
            window = CampaignWindow(ctx)
            window.resize(1400, 860)
            window.show()
            wait_until(lambda: window.list_model.rowCount() == 1)
            window.list.selectRow(0)
            wait_until(lambda: window.stack.currentWidget() is window.report and window.report.report)
            # What the window shows once it has asked the relay (this script has no sync adapter).
            report, _relay = read_report(db, campaign_id, client)
            assert report is not None and report.relay_details
            window.report.show_report(report)
            app.processEvents()
            window.grab().save(str(OUT / f"campaign-recipient-details-{lang}.png"))
            window.report.show_choice.setCurrentIndex(1)
            app.processEvents()
            window.grab().save(str(OUT / f"campaign-not-sent-{lang}.png"))
            window.close()
            client.close()
            db.close()


def law_warning() -> None:
    """`campaign-law-warning-en.png`: the Seoul shop's Campaigns window in English, maximised on a
    1400×900 screen under a window manager, Winter sale (winter_sale, which lacks "(광고)", the shop's
    name and its number) with 20 % filled and Send… pressed: the law's question over it (then
    cancelled). The English demo is the Brighton shop, which sends no Korean ad to warn about."""
    import subprocess

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    use_shop_clock("ko")
    app = QApplication(sys.argv[:1])
    from app.automations_store import load_state, save_local
    from app.campaigns import ParameterSource
    from app.db import Database
    from app.paths import paths_for
    from app.sending import keep_templates
    from app.wire import Template
    from relay.routes.messages import template_summary
    from relay.sandbox_cast import templates
    from tests.support.factories import make_contact
    from ui.campaign_window import CampaignWindow
    from ui.context import AppContext
    from ui.ops import pending_ops
    from ui.translations import install_translators

    install_translators(app, "en", "KR")
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = Database.open(tmp / "inbox.db")
        ctx = AppContext(db=db, paths=paths_for(tmp / "data").ensure(), prefs={}, shop_region="KR")
        with db.write() as s:
            for wa_id, name, nights in CUSTOMERS:
                make_contact(
                    s,
                    wa_id=wa_id,
                    profile_name=name,
                    opted_in_at=now - timedelta(days=30),
                    marketing_consent_at=now - timedelta(days=30),
                    night_consent_at=now - timedelta(days=30) if nights else None,
                )
            doc = load_state(s).doc
            doc.profile.name = "Seoul Linen House"
            doc.business_hours.timezone = demo_shop_zone("ko").key
            save_local(s, doc)
        # The Seoul demo shop's approved templates, as kept from its relay's last answer (its {{n}}
        # with Meta's examples, as the relay summarises them).
        keep_templates(db, [Template.model_validate(template_summary(t)) for t in templates("ko")])
        window = CampaignWindow(ctx)
        window.showMaximized()
        editor = window.editor
        wait_until(lambda: window.isMaximized() and editor.is_loaded() and pending_ops() == 0)
        editor.name.setText("Winter sale")
        box = editor.message.template
        box.setCurrentIndex(
            next(
                i
                for i in range(box.count())
                if isinstance(box.itemData(i), Template) and box.itemData(i).name == "winter_sale"
            )
        )
        wait_until(lambda: len(editor.message.param_rows) == 2)
        source, text = editor.message.param_rows[1]
        source.setCurrentIndex(source.findData(ParameterSource.TEXT.value))
        text.setText("20%")
        wait_until(lambda: editor.is_loaded() and pending_ops() == 0)
        shot = OUT / "campaign-law-warning-en.png"
        taken: list[bool] = []

        def take_question() -> None:
            """Runs inside the question's own event loop: the picture, then Cancel."""
            question = next(
                (w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None
            )
            if question is None or not question.windowHandle().isExposed():
                QTimer.singleShot(100, take_question)
                return
            window.repaint()
            question.repaint()
            QGuiApplication.sync()
            subprocess.run(["import", "-window", "root", str(shot)], check=True)
            taken.append(True)
            question.reject()

        QTimer.singleShot(0, editor.send_button.click)
        QTimer.singleShot(100, take_question)
        wait_until(lambda: bool(taken))
        print("saved", shot)
        editor.mark_saved(editor.draft())
        window.close()
        db.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["law-warning"]:
        law_warning()
    else:
        main()
