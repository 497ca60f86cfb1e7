"""Walk-in customers of the sandbox: new people keep writing to the demo shop long after its cast."""

from __future__ import annotations

import random

from relay.sandbox_cast import Beat, Customer

# At speed 1: one newcomer every 30–90 s, at most this many a run, so a demo left open stays lively
# without burying the owner.
ARRIVAL_SECONDS = (30.0, 90.0)
NEWCOMERS_MAX = 30

_KO_NAMES = [
    "김하늘",
    "이서연",
    "박지호",
    "정유나",
    "최민준",
    "조아라",
    "윤서진",
    "장하린",
    "임도현",
    "한예린",
]
_EN_NAMES = ["Emma Wilson", "Noah Kim", "Sofia Rossi", "Liam Park", "Mia Tan", "Lucas Meyer"]

# Each story's later turns are said only after the shop answers: some newcomers reply to what the
# owner sends, others ask once and then only thank.
_KO_STORIES: list[list[list[Beat]]] = [
    [[("text", "안녕하세요, 린넨 원피스 아직 있나요?")], [("text", "그럼 M 사이즈로 주문할게요!")]],
    [[("text", "배송은 보통 며칠 걸려요?")], [("text", "네 감사합니다, 오늘 주문할게요 😊")]],
    [[("image", "이 셔츠 다른 색도 있나요?")], [("text", "네이비로 할게요")]],
    [[("text", "선물 포장 되나요?")]],
    [[("text", "매장 방문해도 되나요? 위치가 어디예요?")], [("text", "토요일에 들를게요 🙂")]],
    [[("text", "교환은 어떻게 하면 되나요?")]],
    # Walk-ins who use the demo shop's menu bot: the menu (they tap a row), their order (none found:
    # handed to a person), and a person straight away.
    [[("text", "안녕하세요, 메뉴 보여주세요")], [("text", "네 감사합니다!")]],
    [[("text", "주문한 옷 배송 조회 부탁드려요")], [("text", "네, 기다릴게요")]],
    [[("text", "상담원 연결해 주세요")], [("text", "감사합니다 🙏")]],
]
_EN_STORIES: list[list[list[Beat]]] = [
    [[("text", "Hi! Do you ship to Japan?")], [("text", "Great, I'll order the linen shirt in M.")]],
    [[("text", "Is the canvas tote machine washable?")]],
    [[("image", "Do you have this in beige?")], [("text", "Perfect, thank you!")]],
    [[("text", "Hello, are you open on Sunday?")]],
    [[("text", "Hi! Can I see the menu?")], [("text", "Thank you!")]],
    [[("text", "Where is my order? Can I get the tracking number?")], [("text", "OK, thanks")]],
]
# The first words of the stories above that the demo's menu bot answers (tests/relay/test_sandbox.py).
MENU_OPENINGS = {
    "ko": [
        "안녕하세요, 메뉴 보여주세요",
        "배송은 보통 며칠 걸려요?",
        "주문한 옷 배송 조회 부탁드려요",
        "상담원 연결해 주세요",
    ],
    "en": ["Hi! Can I see the menu?", "Where is my order? Can I get the tracking number?"],
}
_COLOURS = [(236, 226, 204), (38, 52, 96), (214, 200, 176), (120, 140, 110), (30, 30, 32)]
_SHAPES = ["shirt", "dress", "bag"]


def _free_name(names: list[str], index: int, korean: bool, names_taken: set[str]) -> str:
    """The `index`-th walk-in's name, none of `names_taken` while some are left: two chats with one
    name look like a bug to someone trying the demo. The names of the list come first, then its given
    names with its other family names (10 × 10 Korean, 6 × 6 English), so walk-ins of a demo kept
    across runs, whose numbering goes on, are called differently too."""
    n = len(names)
    # Each given name with the next name's family name, then the one after…: no run of one family.
    pairs = [(names[i], names[(i + shift) % n]) for shift in range(1, n) for i in range(n)]
    if korean:
        mixed = [family[0] + given[1:] for given, family in pairs]
    else:
        mixed = [f"{given.split()[0]} {family.split()[-1]}" for given, family in pairs]
    sequence = list(dict.fromkeys([*names, *mixed]))
    for step in range(len(sequence)):
        name = sequence[(index + step) % len(sequence)]
        if name not in names_taken:
            return name
    return sequence[index % len(sequence)]  # every one taken: a name said twice


def newcomer(
    index: int,
    rng: random.Random,
    taken: set[str],
    names_taken: set[str],
    *,
    korean_shop: bool = True,
    shop_country: str = "KR",
) -> Customer:
    """The `index`-th walk-in: mostly Korean, sometimes a tourist, with a short story of their own,
    a number in none of `taken` and, while there are some left, a name in none of `names_taken`.
    The Brighton shop's (`korean_shop` False) all write English, from British numbers; the Palo Alto
    shop's (`shop_country` "US") from American ones."""
    korean = rng.random() < 0.7
    if not korean_shop:
        korean = False
    names, stories = (_KO_NAMES, _KO_STORIES) if korean else (_EN_NAMES, _EN_STORIES)
    while True:
        if korean:
            wa_id = f"8210{rng.randrange(10**7, 10**8)}"
        elif korean_shop:
            wa_id = f"1{rng.randrange(10**9, 10**10)}"
        elif shop_country == "US":  # the Bay Area's codes, 555-0100–0199: numbers for fiction
            wa_id = f"1{rng.choice(('650', '415', '408', '510'))}5550{rng.randrange(100, 200)}"
        else:  # Ofcom's numbers for drama, 07700 900000–900999
            wa_id = f"447700900{rng.randrange(700, 1000)}"
        if wa_id not in taken:
            break
    customer = Customer(
        wa_id,
        _free_name(names, index, korean, names_taken),
        korean,
        [list(turn) for turn in rng.choice(stories)],
        "감사합니다!" if korean else "Thanks a lot!",
        colour=rng.choice(_COLOURS),
        shape=rng.choice(_SHAPES),
    )
    customer.rng = random.Random(rng.random())
    return customer
