"""PostgreSQL refusing a connection ("too many connections", a wrong password) told apart from a
lost one, and the advice logged for each."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

TOO_MANY_CONNECTIONS_SQLSTATE = "53300"
# 28P01 invalid_password, 28000 invalid_authorization_specification (no pg_hba.conf entry, no such role).
LOGIN_REFUSED_SQLSTATES = ("28P01", "28000")

# PostgreSQL sends SQLSTATE 53300 in the ErrorResponse that refuses a connection at its start, but
# libpq keeps that code to itself and psycopg's OperationalError then has no `sqlstate`, only the
# server's message, in the server's language (lc_messages). These are PostgreSQL's own texts for
# 53300 (max_connections, the slots kept for superusers, a database's or a role's CONNECTION LIMIT):
# the English of every version since 9.x ("remaining connection slots are reserved for …" ends
# differently from 16 on), then the translations PostgreSQL 15 ships (its postgres-15.mo catalogues),
# and, where a language words the refusal of 16 on otherwise, that wording as PostgreSQL's 17 and 18
# src/backend/po catalogues translate it (upstream's "Translation updates" of 2024-06-24, 2e69e3dc90d,
# and 2025-05-05, 715d5ece324): de, es (18's; 17's left it in English), ja, ka, uk. ko's, ru's and
# sv's newer wording starts as their 15 one does and is found by it; fr's is fuzzy there and it's and
# zh_CN's untranslated, so such a server sends the English. %s is the database's or the role's name.
TOO_MANY_CONNECTIONS_TEXTS = (
    "sorry, too many clients already",
    'too many connections for database "%s"',
    'too many connections for role "%s"',
    "remaining connection slots are reserved for",
    # de
    "tut mir leid, schon zu viele Verbindungen",
    "zu viele Verbindungen für Datenbank »%s«",
    "zu viele Verbindungen von Rolle »%s«",
    "die verbleibenden Verbindungen sind für Superuser",
    # de, from 16 on (reserved_connections, pg_use_reserved_connections)
    "die verbleibenden Verbindungen sind für Rollen mit dem %s-Attribut reserviert",
    "die verbleibenden Verbindungen sind für Rollen mit den Privilegien der Rolle »%s« reserviert",
    # es
    "lo siento, ya tenemos demasiados clientes",
    "demasiadas conexiones para la base de datos «%s»",
    "demasiadas conexiones para el rol «%s»",
    "las conexiones restantes están reservadas a superusuarios",
    # es, as 18's catalogue says it (17's of 2024-06 left it in English)
    "las conexiones restantes están reservadas a roles con el atributo %s",
    "las conexiones restantes están reservadas a roles con privilegios del rol «%s»",
    # fr
    "désolé, trop de clients sont déjà connectés",
    "trop de connexions pour la base de données « %s »",
    "trop de connexions pour le rôle « %s »",
    "les emplacements de connexions restants sont réservés",
    # it
    "spiacente, troppi client già connessi",
    'troppe connessioni al database "%s"',
    'troppe connessioni per il ruolo "%s"',
    "i rimanenti slot di connessione sono riservati",
    # ja
    "現在クライアント数が多すぎます",
    'データベース"%s"への接続が多すぎます',
    'ロール"%s"からの接続が多すぎます',
    "残りの接続スロットは",
    # ja, from 16 on
    "残りの接続枠は%s属性を持つロールのために予約されています",
    '残りの接続枠は"%s"ロールの権限を持つロールのために予約されています',
    # ko: from 16 on "남은 연결 슬롯은 %s 속성을 가진 롤용으로 남겨 놓았음" and '남은 연결 슬롯은 "%s" 롤
    # 권한이 있는 롤용으로 남겨 놓았음', which the line below already finds
    # ka
    "უკაცრავად, უკვე მეტისმეტად ბევრი კლიენტია",
    'ძალიან ბევრი კავშირი ბაზისთვის "%s"',
    'მეტისმეტად ბევრი კავშირი როლისთვის "%s"',
    # ka, as 17's and 18's catalogues say it (its 15 left the superusers' slots in English)
    "დარჩენილი მიერთების სლოტები დაცულია %s ატრიბუტის მქონე როლებისთვის",
    "დარჩენილი მიერთების სლოტები დაცულია %s როლის პრივილეგიების მქონე როლებისთვის",
    # ko
    "최대 동시 접속자 수를 초과했습니다",
    '"%s" 데이터베이스 최대 접속수를 초과했습니다',
    '"%s" 롤의 최대 동시 접속수를 초과했습니다',
    "남은 연결 슬롯은",
    # ru
    "извините, уже слишком много клиентов",
    'слишком много подключений к БД "%s"',
    'слишком много подключений для роли "%s"',
    "оставшиеся слоты подключений зарезервированы",
    # ru: 17's and 18's "оставшиеся слоты подключений зарезервированы для подключений ролей с атрибутом
    # %s" and '… для подключений ролей с правами роли "%s"', which the line above already finds
    # sv
    "ledsen, för många klienter",
    'för många uppkopplingar till databasen "%s"',
    'för många uppkopplingar för roll "%s"',
    "resterande anslutningsslottar är reserverade",
    # sv: 17's and 18's "resterande anslutningsslottar är reserverade för roller med attributet %s" and
    # '… för roller med rättigheter från rollen "%s"', which the line above already finds
    # uk
    "вибачте, вже забагато клієнтів",
    'занадто багато підключень до бази даних "%s"',
    'занадто багато підключень для ролі "%s"',
    "слоти підключень, які залишились, зарезервовані",
    # uk, as 17's and 18's catalogues say it
    "слоти підключення, що залишилися, зарезервовані для ролей з атрибутом %s",
    'слоти підключення, що залишилися, зарезервовані для ролей з привілеями ролі "%s"',
    # zh_CN
    "对不起, 已经有太多的客户",
    '到数据库 "%s"的连接太多了',
    '由角色"%s"发起的连接太多了',
    "已保留的连接位置为",
)


# The same for a refused login: a password that is not the role's (changed on the server, not in
# RELAY_DATABASE_URL), no pg_hba.conf line for the relay's host (named so in every language), a role
# that is gone. English first, then PostgreSQL 15's translations.
LOGIN_REFUSED_TEXTS = (
    'password authentication failed for user "%s"',
    "pg_hba.conf",
    'role "%s" does not exist',
    # de
    "Passwort-Authentifizierung für Benutzer »%s« fehlgeschlagen",
    "Rolle »%s« existiert nicht",
    # es
    "la autentificación password falló para el usuario «%s»",
    "no existe el rol «%s»",
    # fr
    "authentification par mot de passe échouée pour l'utilisateur « %s »",
    "le rôle « %s » n'existe pas",
    # it
    'autenticazione con password fallita per l\'utente "%s"',
    'il ruolo "%s" non esiste',
    # ja
    'ユーザー"%s"のパスワード認証に失敗しました',
    'ロール"%s"は存在しません',
    # ka
    'პაროლით ავთენტიფიკაცია მომხმარებლისთვის "%s" ვერ მოხერხდა',
    'როლი არ არსებობს: "%s"',
    # ko
    '사용자 "%s"의 password 인증을 실패했습니다',
    '"%s" 롤(role) 없음',
    # ru
    'пользователь "%s" не прошёл проверку подлинности (по паролю)',
    'роль "%s" не существует',
    # sv
    'Lösenordsautentisering misslyckades för användare "%s"',
    'rollen "%s" finns inte',
    # uk
    'користувач "%s" не пройшов автентифікацію за допомогою пароля',
    'роль "%s" не існує',
    # zh_CN
    '用户 "%s" Password 认证失败',
    '角色 "%s" 不存在',
)


def _pattern(template: str) -> re.Pattern[str]:
    """A template as a search: its name any text, its spaces any run of whitespace (French wraps)."""
    parts = (r"\s+".join(re.escape(word) for word in piece.split()) for piece in template.split("%s"))
    return re.compile(".*?".join(parts), re.IGNORECASE)


_TOO_MANY = tuple(_pattern(text) for text in TOO_MANY_CONNECTIONS_TEXTS)
_LOGIN = tuple(_pattern(text) for text in LOGIN_REFUSED_TEXTS)


def refusal_cause(err: BaseException) -> str | None:
    """ "too_many_connections" or "login_refused" when `err` (one error of a chain, not its causes)
    is PostgreSQL refusing a connection so: by SQLSTATE when the driver has it, else by the
    server's message; None for anything else."""
    sqlstate = getattr(err, "sqlstate", None)
    if sqlstate:
        if str(sqlstate) == TOO_MANY_CONNECTIONS_SQLSTATE:
            return "too_many_connections"
        return "login_refused" if str(sqlstate) in LOGIN_REFUSED_SQLSTATES else None
    kind = type(err)
    if kind.__name__ != "OperationalError" or kind.__module__.split(".")[0] != "psycopg":
        return None
    message = str(err)
    if any(pattern.search(message) for pattern in _TOO_MANY):
        return "too_many_connections"
    if any(pattern.search(message) for pattern in _LOGIN):
        return "login_refused"
    return None


def too_many_connections(err: BaseException) -> bool:
    """True when `err` is PostgreSQL refusing a connection for want of a slot."""
    return refusal_cause(err) == "too_many_connections"


# A refusal within this long of the previous one belongs to the same streak: its advice is not
# logged again (each webhook, each readiness probe and each retrying loop meets the refusal).
STREAK_GAP = 300.0

TOO_MANY_ADVICE = (
    "PostgreSQL refuses new connections: too many connections (its max_connections, less the slots "
    "kept for superusers, or a CONNECTION LIMIT on the database or the user is reached). Every relay, "
    "worker and tool connecting to that server must fit under it together: lower RELAY_DB_CONNECTIONS "
    "(what one `serve` opens, all its workers together), stop what else holds connections "
    "(SELECT usename, application_name, count(*) FROM pg_stat_activity GROUP BY 1, 2), or raise "
    'max_connections (docs/relay.md, "Connections")'
)


LOGIN_ADVICE = (
    "PostgreSQL refuses the relay's login: the user or password in RELAY_DATABASE_URL is not one it "
    "accepts (a password changed on the server and not in the relay's env file, a role renamed or "
    "dropped), or pg_hba.conf has no line for this host; connections the relay opened before go on, "
    "new ones fail. Put the role's password in RELAY_DATABASE_URL and restart the relay"
)


class RefusalAdvice:
    """Logs its advice at the first refusal of a streak, not at every line that names the cause."""

    def __init__(
        self,
        cause: str,
        advice: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        gap: float = STREAK_GAP,
    ) -> None:
        self.cause = cause
        self.advice = advice
        self.clock = clock
        self.gap = gap
        self.last: float | None = None
        self.lock = threading.Lock()  # refusals are met on the thread pool's threads at once

    def refused(self, advice: str | None = None) -> None:
        """`advice`: this refusal's own words, where they name what the fixed ones cannot (the database)."""
        now = self.clock()
        with self.lock:
            first = self.last is None or now - self.last > self.gap
            self.last = now
        if first:
            log.warning("cause=%s: %s", self.cause, advice or self.advice)


# Said after the refusal's own line (relay/storage/encoding.py's DatabaseNotUtf8), which names the
# database and how to make a UTF8 one: what becomes of the relay's traffic meanwhile, and that it
# carries on by itself.
NOT_UTF8_ADVICE = (
    "; restore the relay's data into it (pg_dump of the old one, pg_restore) under the name "
    "RELAY_DATABASE_URL gives, and the running relay takes it up by itself. Until then webhooks are "
    "answered 503, so Meta delivers them again, and desktops are told the relay cannot use its database"
)

ADVICE = {
    "too_many_connections": TOO_MANY_ADVICE,
    "login_refused": LOGIN_ADVICE,
    "database_not_utf8": "a PostgreSQL database in another encoding than UTF8" + NOT_UTF8_ADVICE,
}


def fresh_advice() -> dict[str, RefusalAdvice]:
    return {cause: RefusalAdvice(cause, text) for cause, text in ADVICE.items()}


# The process's, one per cause: whichever line meets a refusal first in a streak says what to do.
advice = fresh_advice()
