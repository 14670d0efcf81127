"""Hard negatives: English text that looks foreign to a naive detector but is NOT an artifact.

Foreign names, loanwords, ALL-CAPS credits, currency/units/symbols, Greek letters in science, emoji, URLs,
e-mail addresses, hashtags and code. They are written into clean and dirty documents and never labelled gold,
so every finding on them is a false finding.
"""
from __future__ import annotations

NEGATIVES = [
    # foreign names in English sentences
    "French President François Hollande met José Müller and Nguyễn Thị Minh Khai in Brussels on Tuesday.",
    "Recep Tayyip Erdoğan arrived in Ankara late on Sunday, aides said.",
    "Björk, Sinéad O'Connor and Beyoncé headlined the festival in Reykjavík this summer.",
    "Łukasz Piszczek and Wojciech Szczęsny both started for Poland against Portugal.",
    "The Zürich-based firm Nestlé and São Paulo's Itaú Unibanco reported higher profits.",
    "Søren Kierkegaard and Friedrich Nietzsche are often taught in the same course.",
    "Zoë Saldaña and Penélope Cruz walked the red carpet at Cannes on Friday.",
    "Borussia Mönchengladbach beat 1. FC Köln 2–1 in the Bundesliga on Saturday.",
    "Nguyễn Phú Trọng, the general secretary of Vietnam's Communist Party, met Xi Jinping in Beijing.",
    "Prime Minister Shinzō Abe and Narendra Modi signed the agreement in Tokyo.",
    "The Russian air base at Hmeimim and the city of Deir Ezzor were named in the statement.",
    "Gérard Depardieu and Jean-Luc Mélenchon were seen at the Élysée Palace.",
    # loanwords and Latin phrases used in English
    "The chef called the dish a kind of déjà vu, a nod to the café's naïve early menu.",
    "The court ruled that the contract was not per se invalid, and costs were awarded pro rata.",
    "Critics described the move as a coup d'état in all but name.",
    "Laissez-faire economics, a bona fide classic, was discussed ad hoc at the summit.",
    "The crème brûlée and the jalapeño salsa were the highlights of the tasting menu.",
    "Her fiancée, a former protégé of the director, praised the film's raison d'être.",
    "Rosé sales rose 8% in Provence-Alpes-Côte d'Azur, vis-à-vis last year.",
    # ALL-CAPS credits and headlines
    "PHOTO: AFP / GETTY IMAGES",
    "REUTERS/Carlos Barria",
    "(AP Photo/Jae C. Hong)",
    "EXCLUSIVE: CITY COUNCIL APPROVES NEW HOUSING PLAN",
    "Copyright © 2019 The Associated Press. All rights reserved.",
    # symbols, units, currencies, trademarks
    "Tickets cost €45 and temperatures will reach 31 °C by noon, with a tolerance of ±0.5 µm.",
    "Estimated cost: $4.5bn (≈ £3.4bn, ¥480bn), up 12% year on year.",
    "Temperatures ranged from −5 °C to 12 °C; rainfall was 3 mm and winds 40 km/h.",
    "iPhone™ and Windows® are trademarks of their respective owners.",
    # Greek letters in science
    "The α-helix and β-sheet structures were measured over Δt = 5 ms.",
    "Patients on a β-blocker showed a 12% drop in resting heart rate.",
    "The p-value was below α = 0.05 and the effect size η² was 0.12.",
    "In the Schrödinger equation ψ is the wave function and ħ the reduced Planck constant; π ≈ 3.14159.",
    "µ-opioid receptors and γ-aminobutyric acid (GABA) were the focus of the study.",
    # emoji, URLs, e-mail, hashtags
    "Emoji reactions 👍😂🎉 flooded the post within minutes ❤️",
    "Read more at https://www.example.com/news/2019/11/20/story.html or email tips@example.org.",
    "Follow us on Twitter @BBCSport and use the hashtag #WorldCup2018 🔥",
    "Contact: press@who.int | +41 22 791 21 11",
    # code
    "Run `pip install requests` and call requests.get(url, timeout=5) to fetch the page.",
    "SELECT name, email FROM users WHERE id = 42;",
    "def main(): return sum(x ** 2 for x in range(10))",
    "GET /api/v2/items?limit=50&offset=100 returned 200 OK in 35 ms.",
]
