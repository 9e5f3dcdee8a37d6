#!/usr/bin/env python3
"""Generate peerscope's bundled sample export (www/sample/*.json).

"Maker Corner" is a fictional creator's Discord server. Every name, message and id in it is
invented here; nothing is copied from a real export. The files follow the JSON shape that
DiscordChatExporter (DCE) writes (see core/src/import/discord.rs): one file per channel, one file
for the thread, snowflake ids that encode the time, replies via `reference`.

The story the data tells: the host, Mira, posts videos, guides and tips and answers many
questions; about 45 people only ever answer her (or just react); eight regulars talk to each
other a lot, also on the days Mira is away (one full week and a few single days), and one of
them keeps a weekly build log in a thread. peerscope should call this group *emerging*: an
audience with a community core.

Deterministic: the same seed gives byte-identical files. Standard library only.

    python3 tests/gen_sample.py            # write www/sample/ and print stats
    python3 tests/gen_sample.py --check    # only print stats of the files already there
"""

import datetime as dt
import json
import os
import random
import sys
from collections import Counter, defaultdict

SEED = 20250106
DISCORD_EPOCH = 1420070400000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "www", "sample")

GUILD_ID = "900000000000000000"
GUILD = {"id": GUILD_ID, "name": "Maker Corner", "iconUrl": ""}
GENERAL_ID = "900000000000000001"
SYW_ID = "900000000000000002"
CATEGORY_ID = "900000000000000003"

START = dt.datetime(2025, 1, 6, tzinfo=dt.timezone.utc)  # a Monday
DAYS = 56  # eight weeks: 2025-01-06 .. 2025-03-02
START_MS = int(START.timestamp() * 1000)
END_MS = START_MS + DAYS * 86400000 - 1
# UTC days (index from START) on which Mira posts nothing: one full week away, plus a few.
ABSENT = {9, 20, 28, 29, 30, 31, 32, 33, 34, 47}

# Each file is written in the zone of the machine that exported it (DCE default).
ZONES = {
    "general": dt.timezone(dt.timedelta(hours=-5)),
    "syw": dt.timezone.utc,
    "thread": dt.timezone(dt.timedelta(hours=-5)),
}
EXPORTED_AT = {
    "general": "2025-03-03T09:41:27.4821934-05:00",
    "syw": "2025-03-03T14:42:03.1190452+00:00",
    "thread": "2025-03-03T09:42:11.9023617-05:00",
}

rng = random.Random(SEED)


# ---------------------------------------------------------------------------------------------
# People


class Person:
    def __init__(self, key, name, nick, color=None, bot=False, created=None):
        self.key = key
        self.name = name
        self.nick = nick
        self.color = color
        self.bot = bot
        created = created or rng.randrange(1483228800000, 1704067200000)  # 2017 .. 2023
        self.id = str(((created - DISCORD_EPOCH) << 22) + rng.randrange(1 << 17))
        self.role = "audience"

    def user(self):
        return {
            "id": self.id,
            "name": self.name,
            "discriminator": "0000",
            "nickname": self.nick,
            "color": self.color,
            "isBot": self.bot,
            "avatarUrl": "",
        }


MIRA = Person("mira", "mira.makes", "Mira Okafor", "#e67e22", created=1526342400000)
MIRA.role = "host"
BOT = Person("levelbot", "LevelBot", "LevelBot", "#7289da", bot=True, created=1561939200000)
BOT.role = "bot"

REGULAR_SPECS = [  # (key, name, nickname, activity weight)
    ("kwame", "kwame.builds", "Kwame", 1.4),
    ("priya", "priya.r", "Priya R", 1.3),
    ("jun", "junpark", "Jun", 1.2),
    ("lucia", "lucia.fz", "Lucía", 1.1),
    ("tomasz", "tomasz_w", "Tomasz", 0.9),
    ("aroha", "aroha.n", "Aroha", 0.9),
    ("sven", "sven.lq", "Sven", 0.8),
    ("farah", "farah.h", "Farah H", 0.8),
]
REGULARS = []
for key, name, nick, w in REGULAR_SPECS:
    p = Person(key, name, nick, "#1abc9c")
    p.role = "regular"
    p.weight = w
    REGULARS.append(p)
REG = {p.key: p for p in REGULARS}

AUDIENCE_FIRST = [
    "Dana", "Omar", "Beatriz", "Kenji", "Nadia", "Elliot", "Chioma", "Mateo", "Ingrid", "Rahul",
    "Yara", "Declan", "Mei", "Tariq", "Sofia", "Hamza", "Greta", "Luis", "Amara", "Noah",
    "Zeynep", "Pedro", "Hana", "Callum", "Inés", "Femi", "Olga", "Ravi", "Leilani", "Marco",
    "Ayesha", "Björn", "Camille", "Diego", "Esi", "Felix", "Gulnara", "Hugo", "Isla", "Joon",
    "Kofi", "Lena", "Mehdi", "Niamh", "Oskar",
]
LURKER_FIRST = [
    "Paula", "Quentin", "Rosa", "Samir", "Tessa", "Uma", "Viktor", "Wren", "Xiomara", "Yusuf",
    "Zara", "Abel", "Bianca", "Cyrus", "Delia", "Emeka", "Fiona", "Gabriel", "Hiroshi", "Ida",
    "Jonas", "Kiri", "Laila", "Milan", "Nell",
]
HANDLE_SUFFIXES = ["_makes", ".wood", "builds", "_diy", ".k", "crafts", "_shop", "", "42", ".j",
                   "_studio", "7", "_m", "sawdust", ".r"]
SURNAME_INITIALS = "ABCDEFGHJKLMNOPRSTVW"


def ascii_handle(first):
    table = str.maketrans("íéöóáñ", "ieooan")
    return first.lower().translate(table)


def make_people(firsts, role):
    out = []
    for first in firsts:
        suffix = rng.choice(HANDLE_SUFFIXES)
        handle = ascii_handle(first) + suffix
        if rng.random() < 0.35:
            nick = "%s %s." % (first, rng.choice(SURNAME_INITIALS))
        else:
            nick = first
        p = Person(ascii_handle(first), handle, nick)
        p.role = role
        out.append(p)
    return out


AUDIENCE = make_people(AUDIENCE_FIRST, "audience")
LURKERS = make_people(LURKER_FIRST, "lurker")
for p in AUDIENCE:
    p.weight = rng.choice([0.4, 0.6, 1.0, 1.0, 1.5, 2.5])
    p.arrive = 0
# About half the audience joins during the eight weeks.
for p in rng.sample(AUDIENCE, 15):
    p.arrive = rng.randrange(2, 50)

# ---------------------------------------------------------------------------------------------
# Messages (internal form; ids and timestamps are written at the end)

MSGS = []
_seq = [0]


def add(ch, ms, author, content, parent=None, kind="Default", mentions=(), ping=None,
        old_style=False, **extra):
    """Record a message. `parent` is another message dict (a reply) or ("missing", ms)."""
    _seq[0] += 1
    m = {
        "ch": ch, "ms": int(ms), "author": author, "content": content, "parent": parent,
        "kind": kind, "mentions": list(mentions), "old_style": old_style, "reactions": [],
        "pinned": False, "edited": None, "attachments": [], "seq": _seq[0],
    }
    m.update(extra)
    if parent is not None and not isinstance(parent, tuple):
        if ping is None:
            ping = rng.random() < 0.22
        pa = parent["author"]
        if ping and pa is not author and pa not in m["mentions"]:
            m["mentions"].insert(0, pa)
    if kind == "Default" and parent is None and rng.random() < 0.05:
        m["edited"] = int(ms) + rng.randrange(30000, 1800000)
    MSGS.append(m)
    return m


def day_of(ms):
    return (ms - START_MS) // 86400000


def at(day, hour, minute=None):
    minute = rng.randrange(60) if minute is None else minute
    return START_MS + day * 86400000 + (hour * 60 + minute) * 60000 + rng.randrange(60000)


def member_hour():
    # Most members are in the Americas and Europe: 13:00-04:00 UTC.
    return rng.choice([13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 0, 1, 2, 3])


def delay(median_min=25.0, spread=1.0, cap_h=20):
    minutes = min(rng.lognormvariate(0, spread) * median_min, cap_h * 60)
    return int(max(minutes, 0.4) * 60000)


def mira_ok(ms):
    """Shift a Mira message out of her days away (to her first day back). None past the end."""
    d = day_of(ms)
    shifted = False
    while d < DAYS and d in ABSENT:
        d += 1
        shifted = True
    if d >= DAYS:
        return None, shifted
    if shifted:
        ms = at(d, rng.choice([14, 15, 16]))
    return ms, shifted


def render(text, roles, project=None):
    """Fill {@X} (a mention of the person in role X), {X} (their name) and {p}."""
    mentions = []
    for r, person in roles.items():
        tag = "{@%s}" % r
        if tag in text:
            text = text.replace(tag, "@" + person.nick)
            mentions.append(person)
        text = text.replace("{%s}" % r, person.nick)
    if project:
        text = fill(text, project)
    return text, mentions


PROJECTS = [
    "walnut serving tray", "cedar planter box", "walnut LED desk lamp", "floating shelf", "bandsaw box",
    "end-grain cutting board", "wall-mounted tool rack", "plywood bookshelf", "shop stool",
    "wooden plant stand", "laser-cut coaster set", "spice rack", "step stool",
    "picture frame", "bedside table", "wooden phone stand",
]
FURNITURE = ["bedside table", "shop stool", "step stool", "plywood bookshelf", "wooden plant stand"]


def fill(text, project):
    """Put a project name into {p} / {P}, with the right article before it."""
    art = "an" if project[0].lower() in "aeiou" else "a"
    text = text.replace("a {p}", art + " " + project).replace("A {p}", art.capitalize() + " " + project)
    return text.replace("{p}", project).replace("{P}", project[0].upper() + project[1:])


def slug(s):
    return "".join(c if c.isalnum() else "-" for c in s.lower())


EMOJI = {
    "fire": "\U0001F525", "heart": "\u2764\ufe0f", "thumbsup": "\U0001F44D",
    "raised_hands": "\U0001F64C", "joy": "\U0001F602", "wood": "\U0001FAB5",
    "tools": "\U0001F6E0\ufe0f", "a": "\U0001F170\ufe0f", "b": "\U0001F171\ufe0f",
    "eyes": "\U0001F440", "clap": "\U0001F44F",
}


def react(m, codes, pool, n_lo, n_hi):
    """Give message m reactions with the given emoji codes, reactors drawn from pool."""
    for code in codes:
        n = rng.randint(n_lo, n_hi)
        users = [p for p in rng.sample(pool, min(n, len(pool))) if p is not m["author"] or rng.random() < 0.3]
        if users:
            m["reactions"].append((code, users))


# ---------------------------------------------------------------------------------------------
# Content pools

QA = [  # audience questions under Mira's posts: (question, Mira's answer, a regular's answer or None, topic)
    ("What finish did you use on it?", "Hardwax oil, two thin coats. Buff off the excess after about 15 minutes.",
     "Hardwax oil I think, she mentions it near the end", "any"),
    ("Will this work with plywood instead of hardwood?", "Yes, just edge-band it or the layers will show.",
     "Works fine with ply, I made mine from it. Edge-band it though", "any"),
    ("Where did you get those clamps?", "They're the cheap bar clamps from the hardware store, nothing fancy!",
     "They look like the cheap hardware store bar clamps, I have the same ones", "any"),
    ("Any chance of a metric cut list?", "Yes! I added one to the PDF this morning.", None, "any"),
    ("Could you do a version with only hand tools?", "It's on my list, probably next month.", None, "any"),
    ("What blade were you using on the table saw?", "A 40-tooth combination blade, it handles rips and crosscuts fine.",
     "Looks like a 40T combination blade, that's what she usually uses", "any"),
    ("How long did you leave the glue-up clamped?", "At least an hour, overnight if the shop is cold.",
     "An hour is usually enough, longer if your shop is cold", "any"),
    ("Is the stream going to be recorded?", "Yep, the replay stays up on the channel.",
     "They always are, the replay goes up on the channel", "stream"),
    ("Is a trim router enough or do I need a full size one?", "A trim router is plenty for this one.",
     "Trim router is fine, I did mine with one", "any"),
    ("How do you stop tear-out on the end grain?", "Sharp bit, a very light final pass, and a backer board behind the cut.",
     "Backer board behind the cut, and take a really light last pass", "any"),
    ("Do you sell the plans?", "They're free on the site, no catch!", "They're free on her site, link is in the post", "any"),
    ("what wood is that?", "White oak with a walnut spline.", None, "any"),
    ("Does the LED strip get hot inside the channel?", "Barely warm at 12V, the aluminium channel takes care of it.",
     "Mine barely gets warm at 12V, the channel works as a heatsink", "lamp"),
    ("Which dimmer is that?", "A cheap inline PWM dimmer, link is in the parts list.", None, "lamp"),
    ("Any tips for a first-timer with no table saw?", "A circular saw with a straightedge guide gets you 90% of the way.",
     "Circular saw and a straightedge guide, that's how I started", "any"),
    ("How much did the wood cost you?", "About $35, the rest was offcuts.", None, "any"),
    ("Can I use pine for this?", "Sure, just use a pre-stain conditioner if you want an even colour.",
     "Pine works, use a pre-stain conditioner or it goes blotchy", "any"),
    ("How did you get the corners so tight?", "A mitre sled and a lot of test cuts on scrap.", None, "any"),
    ("Is there a list of tools somewhere?", "Yes, at the bottom of the written guide.", "Bottom of the written guide on her site", "any"),
    ("how long did the whole build take you?", "About two weekends, with finish drying time.", None, "any"),
    ("Does the finish count toward the $20?", "Nope, only wood and hardware count!", "Only wood and hardware, she said on stream", "challenge"),
    ("Can we enter more than one build?", "Sure, but I'll feature one per person.", None, "challenge"),
]
COMMENTS_VIDEO = [
    "Great video, thanks Mira!", "Watched it twice already \U0001F64C", "The jig halfway through is genius",
    "Love the music in this one", "Finally someone explains it slowly enough for me lol", "The close-up shots are so helpful",
    "Saving this for the weekend", "So clean!!", "Great video as always",
]
COMMENTS_STREAM = [
    "See you there!", "Can't make it, will watch the replay", "Finally a stream on a day I'm free",
    "Setting a reminder", "Ooh I've wanted to build one of these", "Will you share the cut list after?",
]
COMMENTS_BY_KIND = {
    "thanks": ["Congrats Mira!! \U0001F389", "Best corner of the internet", "Well deserved", "Happy to be here \u2764\ufe0f",
               "2k! \U0001F973", "Love this community", "Here since the first hundred, so cool to see"],
    "poll": ["Voted!", "The first one please", "Second one, I need it for my kitchen", "Why not both \U0001F602",
             "First one, easy"],
    "news": ["Reading it now", "The shop tour was great", "Love the community builds section",
             "Saw my build in there \U0001F633 thank you!"],
    "tip": ["Great tip", "Oh that's clever", "Wish I'd known this last week", "Never thought of that", "Saving this"],
    "challenge": ["I'm in!", "Challenge accepted", "Ooh, I already have an idea", "Perfect, my offcut bin is ready"],
}


def comment_pool(kind):
    if kind in COMMENTS_BY_KIND:
        return COMMENTS_BY_KIND[kind]
    if kind == "stream":
        return COMMENTS_STREAM
    return COMMENTS + COMMENTS_VIDEO if kind == "video" else COMMENTS


COMMENTS = [
    "This is exactly what I needed this week", "Made one from your old plans, still use it every day",
    "Thanks for always linking the plans", "This channel is the reason I bought a saw", "Adding this to my list",
    "My partner wants one now, thanks a lot \U0001F602", "Trying this tonight",
    "Perfect timing, I was just about to start one", "Love it \u2764\ufe0f", "Instant save", "This is why I'm here",
    "I'll try it with pine since that's what I have",
]
BENCH_ANSWERS = [
    "A {p} for my sister's birthday", "Still sanding the {p} from last month \U0001F605",
    "Nothing yet, waiting for wood to arrive", "Trying the {p} from your guide!",
    "Fixing a wobbly chair, glamorous stuff", "My first {p}", "Clearing the bench so I can actually use it",
    "A {p}, second attempt", "Cleaning up after the last project honestly",
]
TIPS = [
    "mark the waste side of every cut with an X, it saves more boards than any tool",
    "wax your table saw top and the wood will slide like it's on ice",
    "a cheap card scraper beats sandpaper on tricky grain",
    "dry-fit everything before you open the glue bottle",
    "label your offcuts with their thickness, future you will thank you",
    "keep a pencil behind every tool, not just one",
    "when a screw strips, a toothpick and glue brings the hole back",
]
MIRA_TEMPLATES = [
    ("video", "New video! The {p}, start to finish \U0001F3AC https://makercorner.example/v/{s}"),
    ("video", "The {p} video is up! Took me way too long to edit this one https://makercorner.example/v/{s}"),
    ("guide", "Written guide for the {p} is live, cut list and PDF plans included: https://makercorner.example/guides/{s}"),
    ("stream", "Live build tonight at 8pm ET, we're making a {p}. Drop questions here ahead of time"),
    ("tip", "Quick tip: {tip}"),
    ("bench", "Morning makers \u2615 what's on your bench this week?"),
    ("poll", "Next video: {p} or {p2}? React \U0001F170\ufe0f or \U0001F171\ufe0f and I'll build the winner"),
    ("news", "Newsletter #{n} is out: shop tour, a tool I returned, and your best builds of the month https://makercorner.example/n/{n}"),
    ("behind", "Behind the scenes: the {p} took three attempts. Attempt one is now firewood \U0001F605"),
    ("video", "Stream replay is up for anyone who missed the {p} build https://makercorner.example/v/{s}-live"),
]
MIRA_ONE_OFFS = [
    ("challenge", "February challenge: build something for under $20 in materials. Post entries in #show-your-work, three get featured in a video!"),
    ("thanks", "We just passed 2,000 members here. Thank you all for making this place what it is \u2764\ufe0f"),
    ("bench", "Happy Friday! Anyone building something fun this weekend?"),
]
MIRA_SYW = [  # (post, replies people give; Mira answers the ones listed in MIRA_SYW_ANSWERS)
    ("My bench this week: the {p} is almost done. Still deciding on the finish",
     ["Oil! Every time", "Hardwax oil, it always looks great on your builds", "Gorgeous", "Is that ash?"]),
    ("Prototype of the {p} for next week's video. Be honest, too chunky?",
     ["Not too chunky at all, looks sturdy", "Maybe thin the legs a little?", "Love the proportions", "Can't wait for this one"]),
    ("Test pieces for the {p}. Left is oil, right is water-based poly",
     ["The left one looks warmer", "Oil! Every time", "Poly for anything that gets wet though?", "Right one, it'll last longer"]),
    ("Sneak peek of the {p} before it goes on camera",
     ["Can't wait for this one", "Gorgeous", "Is that ash?", "Ooh, that grain"]),
    ("Glue-up for the {p} went better than expected. Finish tomorrow",
     ["Looks so clean", "How many clamps was that?", "Nice, what glue?", "Can't wait to see it finished"]),
    ("Trying a new leg design on the {p}. Tapered on two faces",
     ["Ooh, much lighter look", "Did you use a taper jig?", "Love the taper", "That looks so elegant"]),
    ("First coat of finish on the {p} \U0001F929",
     ["That colour!", "Is that the hardwax oil?", "Wow", "The grain really pops"]),
    ("Oops. Measured twice, cut once, still wrong. {P} take two tomorrow",
     ["Happens to the best of us \U0001F605", "The firewood pile grows", "Thank you for showing the mistakes too",
      "What went wrong?"]),
]
MIRA_SYW_ANSWERS = {
    "Is that ash?": ["Ash, yes!", "White oak actually!", "Good eye, ash"],
    "Poly for anything that gets wet though?": ["Good point, it's going in a kitchen"],
    "Maybe thin the legs a little?": ["Yeah, I think you're right"],
    "Oil! Every time": ["Oil it is then", "Leaning that way too"],
    "The left one looks warmer": ["Agreed, the poly looks a bit plasticky"],
    "Not too chunky at all, looks sturdy": ["Phew, thanks"],
    "How many clamps was that?": ["Eleven. I counted \U0001F605"],
    "Nice, what glue?": ["Titebond II, nothing fancy"],
    "Did you use a taper jig?": ["Yep, a simple sled. It's in the next video"],
    "Is that the hardwax oil?": ["It is, first coat"],
    "What went wrong?": ["Read the tape upside down. Classic"],
    "Thank you for showing the mistakes too": ["Always! Nobody gets it right first time"],
}
SHOWCASE = [  # audience posts in #show-your-work
    "Made my first {p} from the plans on the site!", "Finished! My {p}, built over two weekends",
    "Here's my entry for the challenge: a {p} from pallet wood", "Not perfect but I'm proud of this {p}",
    "Second ever project: a {p} for my mum", "{P} done, learned a lot about sanding",
]
MIRA_SHOWCASE_REPLIES = [
    "This is lovely! The proportions are spot on", "Look at that grain \U0001F525", "Great job, especially for a first build!",
    "Love this, going in the next community roundup", "Those joints are so clean",
]
PEER_SHOWCASE_REPLIES = [
    "Nice work! Welcome to the addiction", "That finish came out great", "Clean lines, well done",
    "What did you use for the finish?", "Looks great, well done", "Love the proportions",
]
MIRA_DROP_IN = ["Love this", "Ooh nice", "This is great to see", "Ha, love it"]
MIRA_DROP_IN_Q = ["Great question, curious what everyone does", "Following this one!", "Saving this thread"]
MIRA_THANKS = ["Thank you \U0001F60A", "Glad it helped!", "Thanks for watching!", "\u2764\ufe0f",
               "Ha, thank you", "Let me know how yours turns out!"]
MIRA_QUIET = ["Editing day today, new video on Friday!", "Filming all day, I'll catch up on questions tonight"]
THANKS = ["Thank you!! means a lot", "thank you \U0001F60A", "Thanks so much!", "\U0001F979 thank you"]

# Regular conversations: (channel, starter text, [(who, parent index, text)]).
# who: S starter, A/B/C other regulars, M Mira (dropped on her days away), X an audience member.
SCRIPTS = [
    ("syw", "Glue stains showed up under the finish on this one \U0001F612 How do you all deal with it?", [
        ("A", 0, "Blue tape along the joint before glue-up, peel it once the squeeze-out goes rubbery"),
        ("B", 0, "I wait till it skins over and pop it off with a chisel. Wiping just smears it into the grain"),
        ("S", 2, "ohh so wiping is what I've been doing wrong"),
        ("C", 0, "{@B} is right, and a wipe with mineral spirits before finishing shows any spots you missed"),
        ("S", 4, "Great tip, trying that tonight")]),
    ("general", "My bandsaw drifts left on every resaw cut. Blade or setup?", [
        ("A", 0, "Usually tension. What blade are you running?"),
        ("S", 1, "1/2\" 3tpi, maybe a year old"),
        ("A", 2, "That's a good resaw blade, crank the tension and check the guide bearings aren't set too far back"),
        ("B", 0, "Or angle the fence to match the drift. It's a hack but it works"),
        ("M", 0, "Also check the table is square to the blade, it makes drift much worse"),
        ("S", 3, "Tension was way off. Straight cuts now, thanks both!")]),
    ("syw", "Progress on the {p}: dry fit done, glue-up tomorrow \U0001F62C", [
        ("A", 0, "Looks square from here!"),
        ("B", 0, "Those joints are crisp. What are you using for the top?"),
        ("S", 2, "Leftover ash from the bench build"),
        ("C", 0, "Do a practice glue-up with no glue first, it saved me more than once"),
        ("S", 4, "Already did one, still nervous lol")], FURNITURE),
    ("general", "ESP32 keeps resetting the moment the LED strip turns on. What am I missing?", [
        ("A", 0, "Brownout. Give the strip its own supply and tie the grounds together"),
        ("B", 0, "A big cap across the strip's power input helps too, 1000\u00b5F or so"),
        ("X", 0, "Same problem here, following"),
        ("S", 1, "that was it, thank you!!"),
        ("A", 4, "\U0001F389")]),
    ("syw", "Bench top is finally glued up. Best way to flatten it without a jointer or a planer?", [
        ("A", 0, "Router sled. Two rails, a sled, and a big bowl bit"),
        ("B", 0, "Or hand planes if you're patient. Winding sticks first"),
        ("S", 1, "Got a link for a sled design?"),
        ("A", 3, "Mira built one in the workbench video, about halfway in"),
        ("C", 0, "{@A} lent me theirs last spring, works great")]),
    ("syw", "First attempt at hand-cut dovetails. Be kind", [
        ("A", 0, "These are really good for a first go!"),
        ("B", 0, "Gaps are what sawdust and glue are for \U0001F604"),
        ("C", 0, "Did you saw on the waste side of the line?"),
        ("S", 3, "I thought so? Clearly not everywhere lol"),
        ("C", 4, "Happens to all of us. Mark the waste with an X, it helps"),
        ("M", 0, "Honestly better than my first ones. Keep going!")]),
    ("syw", "Cutting board is sanded to 220 and ready. Which finish is actually food safe, just mineral oil?", [
        ("A", 0, "Mineral oil plus a beeswax topcoat is what I use"),
        ("B", 0, "Most fully cured finishes are food safe, oil is just the easiest to refresh"),
        ("S", 2, "Didn't know that, good to know"),
        ("C", 1, "{@A} do you melt the wax into the oil or put it on separately?"),
        ("A", 4, "Melt it in, roughly 4 parts oil to 1 wax")]),
    ("general", "How is everyone storing clamps? Mine are on every surface", [
        ("A", 0, "French cleat wall, changed my life"),
        ("B", 1, "+1, plus a rolling cart for the long bar clamps"),
        ("S", 1, "Any plans for the cleat holders?"),
        ("A", 3, "I just wing it from offcuts, will post a pic later"),
        ]),
    ("general", "Lumber prices at my yard went up again \U0001F643", [
        ("A", 0, "Same here. I've been buying from a pallet guy on marketplace"),
        ("B", 0, "Cabinet shops sometimes sell offcut bins cheap, worth asking"),
        ("S", 2, "Never thought of that, there's one near me")]),
    ("general", "Sharpening day. Does anyone else find it weirdly relaxing?", [
        ("A", 0, "It's the only part of woodworking I'm actually good at"),
        ("B", 0, "Relaxing until I round over the bevel again"),
        ("S", 2, "Try a honing guide? Made it way easier for me"),
        ("B", 3, "Ordered one last week, will report back")]),
    ("syw", "Finished the {p} this weekend. Slight wobble but it's mine", [
        ("A", 0, "Wobble adds character"),
        ("B", 0, "Put it on something flat and scribe the legs, takes five minutes"),
        ("S", 2, "Ooh I'll try that tonight"),
        ("C", 0, "The grain on the top is lovely"),
        ("S", 4, "Thanks! Ash from the offcut bin")], ["shop stool", "step stool", "bedside table", "wooden plant stand"]),
    ("general", "Is anyone doing the monthly challenge? I'm stuck on ideas", [
        ("A", 0, "I'm doing a tiny shelf for my plants"),
        ("B", 0, "Keep it small! Last time I overcommitted and never finished"),
        ("S", 1, "Oh that's cute, maybe I'll do a spice rack"),
        ("C", 0, "Spice rack is a great one. Post progress in #show-your-work"),
        ("M", 3, "Spice racks are perfect for the budget, go for it")]),
    ("syw", "Laser-cut coasters, attempt number three. Finally got the kerf right", [
        ("A", 0, "Those fit perfectly now!"),
        ("B", 0, "What kerf value did you land on?"),
        ("S", 2, "0.15mm on 3mm birch ply"),
        ("B", 3, "Writing that down"),
        ("X", 0, "These are so nice, do you sell them?")]),
    ("syw", "Resin pour on the {p} is curing. I'm not allowed to look at it for 24 hours", [
        ("A", 0, "The hardest part of the whole project"),
        ("B", 0, "Did you seal the wood first? Mine bubbled like crazy"),
        ("S", 2, "Thin coat of resin first, yeah"),
        ("B", 3, "Smart, should've done that")], ["walnut serving tray", "live-edge shelf", "coffee table top"]),
    ("syw", "Dust nibs all over this tabletop finish again. How do you keep dust out while it dries?", [
        ("A", 0, "Finish at night and don't touch anything"),
        ("B", 0, "I hang a drop sheet like a little tent around it"),
        ("C", 2, "{@B} that's genius, stealing it"),
        ("S", 1, "Night finishing it is")]),
    ("general", "What's one tool you wish you'd bought sooner?", [
        ("A", 0, "A good combination square"),
        ("B", 0, "Dust extractor, my lungs thank me"),
        ("C", 0, "Card scraper. Five dollars and I use it every day"),
        ("S", 3, "Ordering a card scraper right now"),
        ("X", 0, "Bench chisels. Cheap ones, honestly")]),
    ("general", "Did anyone catch the stream last night? The marking gauge trick was so simple", [
        ("A", 0, "Yes! Tried it this morning, works"),
        ("B", 0, "Missed it, is the replay up?"),
        ("A", 2, "Yep, on the channel"),
        ("S", 1, "Nice, it's the only way I mark now")]),
]
QUICK = [  # short exchanges, used on busy and quiet days alike; each used at most twice
    ("general", "{@A} how did the {p} turn out in the end?", [
        ("A", 0, "Pretty good! Still needs a coat of finish"),
        ("S", 1, "Hardwax oil, you won't regret it"),
        ("A", 2, "Will try, thanks")]),
    ("general", "Heading to the lumber yard next week if anyone nearby wants to split a board of walnut", [
        ("A", 0, "Me! I need maybe half"),
        ("S", 1, "Deal, I'll DM you")]),
    ("general", "Small win: first glue-up with zero gaps \U0001F64C", [
        ("A", 0, "Huge! What changed?"),
        ("S", 1, "Finally jointed the edges properly")]),
    ("general", "Is it just me or is the {p} way harder than it looks in the video?", [
        ("A", 0, "Not just you. The angled cuts got me too"),
        ("B", 0, "Make a sled for the angles, don't freehand them"),
        ("S", 2, "Good call")], ["picture frame", "step stool", "bandsaw box"]),
    ("general", "{@A} do you still have that clamp rack plan?", [
        ("A", 0, "Yes, sending it over now"),
        ("S", 1, "You're the best")]),
    ("general", "Anyone want to do a build-along for the {p} next week?", [
        ("A", 0, "I'm in"),
        ("B", 0, "Me too if the wood arrives in time"),
        ("S", 2, "Let's start Monday then")]),
    ("general", "How many coats of poly do you put on a tabletop?", [
        ("A", 0, "Three, four if it'll see drinks"),
        ("S", 1, "Four it is")]),
    ("general", "Shop's finally warm enough to glue up again", [
        ("A", 0, "Jealous, mine is still freezing"),
        ("S", 1, "Space heater and patience")]),
    ("general", "{@A} your {p} inspired me to try one, wish me luck", [
        ("A", 0, "You'll smash it. Ask if you get stuck"),
        ("S", 1, "Will do!")]),
    ("general", "What's your go-to grit before finishing?", [
        ("A", 0, "180 for oil, 220 for poly"),
        ("B", 0, "I stop at 150 on oak or it won't take stain"),
        ("S", 2, "Interesting, never heard that")]),
    ("general", "Snapped my last 1/4\" drill bit mid-hole \U0001F629", [
        ("A", 0, "Classic. Always buy them in packs"),
        ("S", 1, "Lesson learned")]),
    ("general", "{@A} {@B} are you joining the stream on Thursday?", [
        ("A", 0, "Yes!"),
        ("B", 0, "Should be, if work lets me off")]),
]
THANKS_SHORT = ["Thank you!", "thanks!", "Perfect, thanks", "Ah ok, thank you \U0001F64F", "Great, thanks!"]

# ---------------------------------------------------------------------------------------------
# Story


def pick_regulars(n, exclude=()):
    pool = [p for p in REGULARS if p not in exclude]
    chosen = []
    while len(chosen) < n:
        p = rng.choices(pool, [q.weight for q in pool])[0]
        pool.remove(p)
        chosen.append(p)
    return chosen


audience_quota = {p.key: 1 + int(p.weight * rng.random() * 3) for p in AUDIENCE}
audience_seen = set()


def pick_audience(n, day, exclude=()):
    pool = [p for p in AUDIENCE if p not in exclude and p.arrive <= day]
    weights = [(3.0 if p.key not in audience_seen else 0.0) + max(audience_quota[p.key], 0) * p.weight + 0.05
               for p in pool]
    chosen = []
    for _ in range(n):
        i = rng.choices(range(len(pool)), weights)[0]
        p = pool.pop(i)
        weights.pop(i)
        chosen.append(p)
        audience_quota[p.key] -= 1
        audience_seen.add(p.key)
    return chosen


def run_script(script, day, starter, others, audience=None, project=None, host_day=True):
    ch, start_text, lines = script[:3]
    roles = {"S": starter}
    for r, p in zip("ABC", others):
        roles[r] = p
    if audience is not None:
        roles["X"] = audience
    roles["M"] = MIRA
    text, ments = render(start_text, roles, project)
    t = at(day, member_hour())
    msgs = [add(ch, t, starter, text, mentions=ments)]
    last = t
    for who, pi, line in lines:
        if who not in roles:
            msgs.append(None)
            continue
        parent = msgs[pi]
        if parent is None:
            msgs.append(None)
            continue
        t = max(parent["ms"], last) + delay(20)
        author = roles[who]
        if who == "M":
            if not host_day or day_of(t) in ABSENT:
                msgs.append(None)
                continue
        if t > END_MS:
            break
        text, ments = render(line, roles, project)
        old = rng.random() < 0.12
        m = add(ch, t, author, text, parent=parent, mentions=ments, old_style=old)
        msgs.append(m)
        last = t
    # Peers react to each other's posts now and then.
    if rng.random() < 0.35:
        react(msgs[0], [rng.choice(["thumbsup", "fire", "clap", "joy"])], REGULARS + [MIRA], 1, 3)
    return msgs


def mira_post(day, text, kind, ch="general"):
    t = at(day, rng.choice([14, 15, 16, 17, 18, 19, 20]))
    post = add(ch, t, MIRA, text, post_kind=kind)
    # Reactions: mostly from people who never write a word.
    reactors = AUDIENCE + LURKERS + LURKERS + REGULARS
    codes = {"poll": ["a", "b"], "thanks": ["heart", "raised_hands"]}.get(kind)
    if codes is None:
        codes = rng.sample(["fire", "heart", "thumbsup", "raised_hands", "wood", "tools", "clap"],
                           rng.choice([0, 1, 1, 2]))
    react(post, codes, reactors, 1, 3 if kind != "poll" else 5)

    n_aud = rng.choice([2, 2, 3, 3, 3, 4, 4])
    if kind == "thanks":
        n_aud = 5
    said = set()
    for a in pick_audience(n_aud, day):
        ta = post["ms"] + delay(60, 1.2, 30)
        if ta > END_MS:
            continue
        if kind == "bench":
            text = rng.choice([b for b in BENCH_ANSWERS if b not in said])
            said.add(text)
            text = fill(text, rng.choice(PROJECTS))
            add(ch, ta, a, text, parent=post, old_style=rng.random() < 0.1)
            continue
        topics = {"any", "stream" if kind == "stream" else "any", "lamp" if "lamp" in post["content"] else "any"}
        if kind == "challenge":
            topics = {"challenge"}
        questions = [x for x in QA if x[3] in topics and x[0] not in said]
        asks = kind in ("video", "guide", "stream", "behind", "challenge") and questions
        if not asks or rng.random() < 0.5:
            pool = comment_pool(kind)
            text = rng.choice([c for c in pool if c not in said] or pool)
            said.add(text)
            cm = add(ch, ta, a, text, parent=post, old_style=rng.random() < 0.1)
            if rng.random() < 0.3:
                tm, _ = mira_ok(ta + delay(60, 1.0, 8))
                if tm is not None:
                    add(ch, tm, MIRA, rng.choice(MIRA_THANKS), parent=cm)
            continue
        q, ans, peer_ans, _ = rng.choice(questions)
        said.add(q)
        qm = add(ch, ta, a, q, parent=post, old_style=rng.random() < 0.1)
        answered_by_peer = False
        if peer_ans and rng.random() < 0.3:  # a regular gets there first
            r = pick_regulars(1)[0]
            tr = qm["ms"] + delay(12)
            if tr <= END_MS:
                rm = add(ch, tr, r, peer_ans, parent=qm)
                answered_by_peer = True
                if rng.random() < 0.5 and rm["ms"] + 600000 < END_MS:
                    add(ch, rm["ms"] + delay(15), a, rng.choice(THANKS_SHORT), parent=rm)
        if rng.random() < (0.5 if answered_by_peer else 0.85):
            tm, shifted = mira_ok(qm["ms"] + delay(45, 1.0, 12))
            if tm is not None:
                body = ("Sorry for the slow reply, I was away! " + ans) if shifted else ans
                if answered_by_peer:
                    body = rng.choice(["Yep, exactly. ", "What they said! ", ""]) + ans
                mm = add(ch, tm, MIRA, body, parent=qm, ping=rng.random() < 0.5)
                if rng.random() < 0.3 and tm + 600000 < END_MS:
                    add(ch, tm + delay(20), a, rng.choice(THANKS_SHORT), parent=mm)
    # A regular or two chime in under Mira's post.
    for r in pick_regulars(rng.choice([0, 0, 1, 1, 2])):
        tr = post["ms"] + delay(90, 1.0, 20)
        if tr <= END_MS:
            pool = BENCH_ANSWERS if kind == "bench" else comment_pool(kind)
            add(ch, tr, r, fill(rng.choice(pool), rng.choice(PROJECTS)),
                parent=post, old_style=rng.random() < 0.1)
    return post


def showcase(day, author, project):
    templates = [t for t in SHOWCASE if day > 25 or "challenge" not in t]
    text = fill(rng.choice(templates), project)
    mentions = []
    if rng.random() < 0.35:
        text += " @" + MIRA.nick
        mentions = [MIRA]
    t = at(day, member_hour())
    post = add("syw", t, author, text, mentions=mentions)
    if rng.random() < 0.7:
        post["attachments"].append(("%s.jpg" % slug(project).replace("-", "_"), rng.randrange(600000, 4000000)))
    react(post, rng.sample(["fire", "heart", "clap"], rng.choice([1, 1, 2])), REGULARS + LURKERS + [MIRA], 1, 2)
    last = t
    if rng.random() < 0.4:
        for r in pick_regulars(rng.choice([1, 1, 2])):
            tr = last + delay(40)
            if tr > END_MS:
                break
            rm = add("syw", tr, r, rng.choice(PEER_SHOWCASE_REPLIES), parent=post)
            last = tr
            if "?" in rm["content"] and tr + 600000 < END_MS:
                add("syw", tr + delay(30), author, "Danish oil, three coats", parent=rm)
            elif rng.random() < 0.4 and tr + 600000 < END_MS:
                add("syw", tr + delay(30), author, rng.choice(THANKS), parent=rm)
    tm, shifted = mira_ok(post["ms"] + delay(120, 1.0, 14))
    if tm is not None and rng.random() < 0.9:
        mm = add("syw", tm, MIRA, rng.choice(MIRA_SHOWCASE_REPLIES), parent=post)
        if rng.random() < 0.5 and tm + 600000 < END_MS:
            add("syw", tm + delay(30), author, rng.choice(THANKS), parent=mm)


N_GENERAL_POSTS = 16
N_SYW_POSTS = 14


def build():
    host_days = [d for d in range(DAYS) if d not in ABSENT]
    silent_days = sorted(ABSENT)

    # Day 0: welcome post, pinned.
    welcome = add("general", at(0, 14, 2), MIRA,
                  "Welcome to Maker Corner! Be kind, share your builds in #show-your-work, and ask anything. "
                  "No question is too basic here \U0001F6E0\ufe0f")
    welcome["pinned"] = True
    add("general", welcome["ms"] + 41000, MIRA, "Pinned a message.", kind="ChannelPinnedMessage", pin_of=welcome)
    react(welcome, ["heart", "raised_hands"], AUDIENCE + LURKERS + REGULARS, 3, 5)

    # Mira's posts: announcements, videos, tips, polls (texts drawn without repeats).
    texts = []
    projects = PROJECTS[:]
    rng.shuffle(projects)
    for i, (kind, tpl) in enumerate(MIRA_TEMPLATES * 6):
        p = projects[i % len(projects)]
        p2 = projects[(i + 5) % len(projects)]
        texts.append((kind, fill(tpl.replace("{p2}", p2), p)
                      .replace("{s}", slug(p)).replace("{n}", str(14 + i // 3))
                      .replace("{tip}", TIPS[i % len(TIPS)])))
    rng.shuffle(texts)
    used = set()
    one_offs = {25: MIRA_ONE_OFFS[0], 41: MIRA_ONE_OFFS[1], 53: MIRA_ONE_OFFS[2]}
    # A fixed number of days each: a post in #general, a work-in-progress shot in
    # #show-your-work, or neither (she still answers people on those days).
    wip_posts = MIRA_SYW * 2
    rng.shuffle(wip_posts)
    free = [d for d in host_days[1:] if d not in one_offs]
    general_days = set(rng.sample(free, N_GENERAL_POSTS))
    syw_days = set(rng.sample([d for d in free if d not in general_days], N_SYW_POSTS))
    for d in host_days[1:]:
        if d in one_offs or d in general_days:
            if d in one_offs:
                kind, text = one_offs[d]
            else:
                while True:
                    kind, text = texts.pop()
                    if text not in used or kind == "bench":
                        break
            used.add(text)
            post = mira_post(d, text, kind)
            if kind == "challenge":
                post["pinned"] = True
                add("general", post["ms"] + 95000, MIRA, "Pinned a message.", kind="ChannelPinnedMessage", pin_of=post)
        elif d in syw_days:
            # A work-in-progress shot in #show-your-work.
            t = at(d, rng.choice([15, 17, 19]))
            p = rng.choice(FURNITURE)
            wip, replies = wip_posts.pop()
            sp = add("syw", t, MIRA, fill(wip, p))
            sp["attachments"].append(("%s_wip.jpg" % slug(p).replace("-", "_"), rng.randrange(800000, 5000000)))
            react(sp, rng.sample(["fire", "eyes"], rng.choice([1, 1, 2])), AUDIENCE + LURKERS + REGULARS, 1, 3)
            auds = pick_audience(rng.choice([2, 3, 3, 4]), d)
            for a, text in zip(auds, rng.sample(replies, len(auds))):
                ta = t + delay(50)
                am = add("syw", ta, a, text, parent=sp)
                answer = MIRA_SYW_ANSWERS.get(text)
                if answer and ("?" in text or rng.random() < 0.5):
                    tm, _ = mira_ok(ta + delay(30))
                    if tm is not None:
                        add("syw", tm, MIRA, rng.choice(answer), parent=am)

    # Regulars' conversations. Scripts on Mira's days; quiet days get the short exchanges.
    script_days = sorted(rng.sample(host_days[1:], len(SCRIPTS)))
    scripts = SCRIPTS[:]
    rng.shuffle(scripts)
    quick_uses = QUICK[:8]
    rng.shuffle(quick_uses)
    quiet = sorted(rng.sample(silent_days, 3))
    quick_days = quiet + sorted(rng.sample(host_days[1:], len(quick_uses) - len(quiet)))
    for d, sc in zip(script_days, scripts):
        s, *others = pick_regulars(4)
        aud = pick_audience(1, d)[0]
        run_script(sc, d, s, others, aud, rng.choice(sc[3] if len(sc) > 3 else PROJECTS), host_day=d not in ABSENT)
    for d, q in zip(quick_days, quick_uses):
        s, *others = pick_regulars(3)
        run_script(q, d, s, others, None, rng.choice(q[3] if len(q) > 3 else PROJECTS), host_day=d not in ABSENT)

    # #show-your-work: finished builds by the audience (and a few regulars), on Mira's days.
    for i in range(20):
        d = rng.choice(host_days[1:-1])
        author = pick_audience(1, d)[0] if i < 17 else pick_regulars(1)[0]
        showcase(d, author, rng.choice([p for p in PROJECTS if "walnut" not in p and "laser" not in p]))

    build_thread()

    # Everyone in the audience says something at least once.
    mira_general = [m for m in MSGS if "post_kind" in m and m["post_kind"] != "bench"]
    for a in AUDIENCE:
        if a.key not in audience_seen:
            post = rng.choice([m for m in mira_general[:-3] if day_of(m["ms"]) >= a.arrive])
            t = min(post["ms"] + delay(120, 1.0, 40), END_MS - 60000)
            add("general", t, a, rng.choice(comment_pool(post["post_kind"])), parent=post)
            audience_seen.add(a.key)

    # Mira says something on every day she is around, if only a quick word.
    for d in host_days:
        if any(m["author"] is MIRA and day_of(m["ms"]) == d for m in MSGS):
            continue
        day_end = START_MS + (d + 1) * 86400000
        roots = [m for m in MSGS if day_of(m["ms"]) == d and m["parent"] is None and m["kind"] == "Default"
                 and m["author"].role in ("regular", "audience") and m["ch"] != "thread"
                 and m["ms"] + 3 * 3600000 < day_end]
        if roots:
            m = rng.choice(roots)
            pool = MIRA_DROP_IN_Q if "?" in m["content"] else MIRA_DROP_IN
            add(m["ch"], m["ms"] + delay(60, 0.6, 3), MIRA, rng.choice(pool), parent=m)
        else:
            add("general", at(d, 17), MIRA, rng.choice(MIRA_QUIET))

    # Replies to messages that are no longer there (deleted before the export).
    gone = [("general", 12, REG["priya"], "lol yes, exactly this"),
            ("general", 37, [p for p in AUDIENCE if p.arrive == 0][7], "Did you ever find out what caused it?"),
            ("syw", 44, REG["sven"], "Where did the photo go? Wanted to see the finished one")]
    for ch, d, who, text in gone:
        t = at(d, 19)
        add(ch, t, who, text, parent=("missing", t - rng.randrange(600000, 7200000)))

    # LevelBot congratulates people now and then.
    levels = Counter()
    cands = [m for m in MSGS if m["ch"] == "general" and m["kind"] == "Default" and m["author"].role in ("regular", "audience")]
    for m in sorted(rng.sample(cands, 7), key=lambda m: m["ms"]):
        p = m["author"]
        if p.key not in levels:
            levels[p.key] = rng.randrange(9, 16) if p.role == "regular" else rng.randrange(2, 5)
        levels[p.key] += 1
        lvl = levels[p.key]
        add("general", m["ms"] + rng.randrange(800, 4000), BOT,
            "GG @%s, you just advanced to level %d! \U0001F389" % (p.nick, lvl), mentions=[p])

    # Joins: part of the audience (and some lurkers) arrived during these eight weeks.
    first_seen = {}
    for m in sorted(MSGS, key=lambda m: m["ms"]):
        first_seen.setdefault(m["author"].key, m["ms"])
    joiners = [p for p in AUDIENCE if p.arrive > 0] + rng.sample(LURKERS, 2)
    for p in joiners:
        t = at(getattr(p, "arrive", rng.randrange(1, DAYS)), member_hour())
        if p.key in first_seen:
            t = min(t, first_seen[p.key] - delay(30, 1.0, 20))
        t = max(t, START_MS + 3600000 * 15)
        add("general", t, p, "Joined the server.", kind="GuildMemberJoin")


THREAD_SCRIPT = [  # (day, who, ref index within thread or None, text); index -1 = starter in #general
    (10, "kwame", None, "Week 1: legs glued up from 2x4 laminations. Four of them, all slightly different heights, naturally"),
    (10, "priya", None, "Slightly different heights is the workbench tradition"),
    (11, "jun", None, "Are you doing drawbore pegs or just glue for the base?"),
    (11, "kwame", 2, "Drawbore! First time, so we'll see"),
    (11, "jun", None, "Offset 2mm max, trust me"),
    (11, "mira", None, "Love that you're documenting this. Following along!"),
    (17, "kwame", None, "Week 2: mortises chopped. My arms are done"),
    (17, "aroha", None, "By hand, or did you drill out the waste first?"),
    (18, "kwame", 7, "Drilled most of it, then chisel"),
    (18, "sven", None, "That's the way. Looks clean"),
    (18, "lucia", None, "The shoulders on that tenon are so crisp"),
    (19, "@aud", None, "Following this, I want to build one in spring"),
    (24, "kwame", None, "Week 3: base is together. Drawbores worked, nothing split \U0001F64C"),
    (24, "farah", None, "Nothing split on the first try?? Teach me"),
    (24, "tomasz", None, "That base isn't going anywhere"),
    (25, "farah", 14, "yours racked a bit, right? did you add stretchers after?"),
    (25, "tomasz", 15, "Yep, low stretchers fixed it"),
    (25, "priya", None, "What's the plan for the top?"),
    (26, "kwame", 17, "Laminated construction lumber, about 3\" thick"),
    (31, "kwame", None, "Week 4: top glue-up day. Used every clamp I own plus two of {@jun}'s"),
    (31, "jun", None, "They'd better come back clean \U0001F624"),
    (31, "sven", None, "How are you flattening it?"),
    (32, "kwame", 21, "Router sled, stole the idea from the general chat"),
    (32, "priya", None, "Good luck, that's the slow part"),
    (33, "aroha", None, "Put a podcast on, it takes forever"),
    (38, "kwame", None, "Week 5: top is flat(ish). The router sled took two evenings"),
    (38, "lucia", None, "Flat-ish is flat enough"),
    (39, "jun", None, "Vise next?"),
    (39, "kwame", 27, "Leg vise, the hardware arrived yesterday"),
    (39, "@aud", None, "This thread is so motivating"),
    (40, "farah", None, "Add a parallel guide to the leg vise, you'll thank yourself"),
    (45, "kwame", None, "Week 6: leg vise installed, parallel guide included thanks to {@farah}"),
    (45, "farah", None, "\U0001F972 proud of this vise"),
    (45, "tomasz", None, "Looks incredible. What finish?"),
    (46, "kwame", 33, "Just boiled linseed oil, it's a bench not furniture"),
    (46, "mira", None, "This came out so well. Mind if I feature it in the next video?"),
    (46, "kwame", 35, "Would be an honour!!"),
    (52, "kwame", None, "Week 7: first real project on the new bench. Thanks everyone for following along"),
    (52, "sven", None, "Legend"),
    (53, "aroha", None, "Start a build log for the next one too"),
    (54, "lucia", None, "What's next?"),
    (54, "kwame", 40, "Tool cabinet, probably. Same thread format"),
]


def build_thread():
    kwame = REG["kwame"]
    t0 = at(10, 1, 12)
    starter = add("general", t0, kwame,
                  "Starting a weekly build log for my workbench. Updates every week in the thread, roast my joinery \U0001F9F5")
    react(starter, ["fire", "eyes"], REGULARS + [MIRA] + LURKERS, 1, 4)
    add("general", t0 + 2300, kwame, "Started a thread.", kind="ThreadCreated", thread_of=starter)
    people = dict(REG)
    people["mira"] = MIRA
    auds = pick_audience(1, 19) + pick_audience(1, 39)
    msgs = []
    last = t0 + 60000
    for day, who, ref, text in THREAD_SCRIPT:
        author = auds.pop(0) if who == "@aud" else people[who]
        t = max(last + delay(25, 1.0, 3), at(day, rng.randrange(13, 21) if who != "mira" else 15))
        assert t <= END_MS and not (author is MIRA and day_of(t) in ABSENT), (day, who)
        mentions = []
        for k, p in people.items():
            if "{@%s}" % k in text:
                text = text.replace("{@%s}" % k, "@" + p.nick)
                mentions.append(p)
        parent = msgs[ref] if ref is not None else None
        m = add("thread", t, author, text, parent=parent, mentions=mentions,
                old_style=parent is not None and rng.random() < 0.15, thread_starter=starter)
        if text.startswith("Week") and rng.random() < 0.8:
            react(m, rng.sample(["fire", "wood", "clap", "tools"], 1), REGULARS + [MIRA] + LURKERS, 1, 3)
        msgs.append(m)
        last = t


# ---------------------------------------------------------------------------------------------
# Writing


def iso(ms, tz):
    d = dt.datetime.fromtimestamp(ms // 1000, tz)
    s = d.strftime("%Y-%m-%dT%H:%M:%S")
    frac = "%03d" % (ms % 1000)
    frac = frac.rstrip("0")
    if frac:
        s += "." + frac
    off = d.strftime("%z")
    return s + off[:3] + ":" + off[3:]


def assign_ids():
    counter = 0
    for m in sorted(MSGS, key=lambda m: (m["ms"], m["seq"])):
        # DCE timestamps trim trailing zeros, so make some of them round.
        r = rng.random()
        if r < 0.12:
            m["ms"] -= m["ms"] % 10
        elif r < 0.16:
            m["ms"] -= m["ms"] % 100
        elif r < 0.17:
            m["ms"] -= m["ms"] % 1000
        counter += 1
        m["id"] = str(((m["ms"] - DISCORD_EPOCH) << 22) + (counter % 4096))
    ids = {m["id"] for m in MSGS}
    for m in MSGS:
        if isinstance(m["parent"], tuple):
            _, ms = m["parent"]
            fake = str(((ms - DISCORD_EPOCH) << 22) + rng.randrange(4096))
            assert fake not in ids
            m["parent"] = ("missing", fake)


def to_json(m, thread_id):
    tz = ZONES[m["ch"]]
    kind = m["kind"]
    if kind == "Default" and m["parent"] is not None and not m["old_style"]:
        kind = "Reply"
    out = {
        "id": m["id"],
        "type": kind,
        "timestamp": iso(m["ms"], tz),
        "timestampEdited": iso(m["edited"], tz) if m["edited"] else None,
        "callEndedTimestamp": None,
        "isPinned": m["pinned"],
        "content": m["content"],
        "author": m["author"].user(),
        "attachments": [],
        "embeds": [],
        "stickers": [],
        "reactions": [],
        "mentions": [p.user() for p in m["mentions"]],
    }
    cid = {"general": GENERAL_ID, "syw": SYW_ID, "thread": thread_id}[m["ch"]]
    for i, (fname, size) in enumerate(m["attachments"]):
        aid = str(int(m["id"]) + 1 + i)
        out["attachments"].append({
            "id": aid,
            "url": "https://cdn.discordapp.com/attachments/%s/%s/%s" % (cid, aid, fname),
            "fileName": fname,
            "fileSizeBytes": size,
        })
    for code, users in m["reactions"]:
        out["reactions"].append({
            "emoji": {"id": "", "name": EMOJI[code], "code": code, "isAnimated": False, "imageUrl": ""},
            "count": len(users),
            "users": [p.user() for p in users],
        })
    if m["parent"] is not None:
        pid = m["parent"][1] if isinstance(m["parent"], tuple) else m["parent"]["id"]
        pch = cid
        if not isinstance(m["parent"], tuple):
            pch = {"general": GENERAL_ID, "syw": SYW_ID, "thread": thread_id}[m["parent"]["ch"]]
        out["reference"] = {"type": "Default", "messageId": pid, "channelId": pch, "guildId": GUILD_ID}
    elif kind == "ThreadCreated":
        out["reference"] = {"type": "Default", "messageId": None, "channelId": m["thread_of"]["id"], "guildId": GUILD_ID}
    elif kind == "ChannelPinnedMessage":
        out["reference"] = {"type": "Default", "messageId": m["pin_of"]["id"], "channelId": cid, "guildId": GUILD_ID}
    return out


def dumps(obj):
    """Compact JSON the way DCE escapes it: BMP text raw, astral characters as surrogate pairs."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    out = []
    for c in s:
        o = ord(c)
        if o > 0xFFFF:
            o -= 0x10000
            out.append("\\u%04X\\u%04X" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
        else:
            out.append(c)
    return "".join(out)


def write_file(path, channel, msgs, exported_at, thread_id):
    head = {
        "guild": GUILD,
        "channel": channel,
        "dateRange": {"after": None, "before": None},
        "exportedAt": exported_at,
    }
    lines = ["{"]
    for k, v in head.items():
        lines.append(' "%s":%s,' % (k, dumps(v)))
    lines.append(' "messages":[')
    body = [dumps(to_json(m, thread_id)) for m in msgs]
    lines.append(",\n".join(body))
    lines.append(" ],")
    lines.append(' "messageCount":%d' % len(msgs))
    lines.append("}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def drop_past_end():
    """Drop messages a reply delay pushed past the export's end, and replies to them."""
    gone = set()
    for m in sorted(MSGS, key=lambda m: (m["ms"], m["seq"])):
        p = m["parent"]
        if m["ms"] > END_MS or (isinstance(p, dict) and p["seq"] in gone):
            gone.add(m["seq"])
    MSGS[:] = [m for m in MSGS if m["seq"] not in gone]


def write_all():
    build()
    drop_past_end()
    assign_ids()
    starter = next(m for m in MSGS if m["kind"] == "ThreadCreated")["thread_of"]
    thread_id = starter["id"]
    os.makedirs(OUT_DIR, exist_ok=True)
    by_ch = defaultdict(list)
    for m in sorted(MSGS, key=lambda m: int(m["id"])):
        by_ch[m["ch"]].append(m)
    write_file(os.path.join(OUT_DIR, "general.json"),
               {"id": GENERAL_ID, "type": "GuildTextChat", "categoryId": CATEGORY_ID, "category": "Community",
                "name": "general", "topic": "Say hi, ask anything, share what's on your bench"},
               by_ch["general"], EXPORTED_AT["general"], thread_id)
    write_file(os.path.join(OUT_DIR, "show-your-work.json"),
               {"id": SYW_ID, "type": "GuildTextChat", "categoryId": CATEGORY_ID, "category": "Community",
                "name": "show-your-work", "topic": "Finished builds, works in progress, glorious failures"},
               by_ch["syw"], EXPORTED_AT["syw"], thread_id)
    write_file(os.path.join(OUT_DIR, "weekly-build-log.json"),
               {"id": thread_id, "type": "GuildPublicThread", "categoryId": GENERAL_ID, "category": "general",
                "name": "Weekly build log: workbench", "topic": None},
               by_ch["thread"], EXPORTED_AT["thread"], thread_id)


# ---------------------------------------------------------------------------------------------
# Stats (read back from the written files, the way an importer would)

FILES = ["general.json", "show-your-work.json", "weekly-build-log.json"]
SYSTEM = {"GuildMemberJoin", "ThreadCreated", "ChannelPinnedMessage", "RecipientAdd", "RecipientRemove",
          "Call", "ChannelNameChange", "ChannelIconChange"}


def parse_ms(s):
    return int(dt.datetime.fromisoformat(s).timestamp() * 1000)


def stats(host_name="mira.makes"):
    docs = {}
    for f in FILES:
        p = os.path.join(OUT_DIR, f)
        with open(p, encoding="utf-8") as fh:
            docs[f] = json.load(fh)
        assert docs[f]["messageCount"] == len(docs[f]["messages"])
    by_id = {}
    for f, d in docs.items():
        for m in d["messages"]:
            by_id[m["id"]] = m
    names = {}
    bots = set()
    host = None
    replies = []  # (actor, target, message)
    mention_edges = []
    missing = 0
    msgs = []
    for f, d in docs.items():
        ch = d["channel"]
        is_thread = ch["type"].endswith("Thread")
        root = by_id.get(ch["id"]) if is_thread else None
        if root is None and is_thread:
            root = d["messages"][0]
        prev = 0
        for m in d["messages"]:
            t = int(m["id"]) >> 22
            assert t >= prev, "ids not increasing in %s" % f
            prev = t
            assert abs((t + DISCORD_EPOCH) - parse_ms(m["timestamp"])) == 0, m["id"]
            a = m["author"]
            names[a["id"]] = a["nickname"]
            if a["name"] == host_name:
                host = a["id"]
            if a["isBot"]:
                bots.add(a["id"])
                continue
            if m["type"] in SYSTEM:
                continue
            msgs.append((f, m))
            ref = m.get("reference")
            target = None
            if ref and ref.get("messageId") and ref.get("type") != "Forward":
                par = by_id.get(ref["messageId"])
                if par is None:
                    missing += 1
                else:
                    target = par["author"]["id"]
            elif is_thread and m["id"] != ch["id"]:
                target = root["author"]["id"]
            if target is not None and target != a["id"]:
                replies.append((a["id"], target, m))
            for u in {u["id"]: u for u in m["mentions"]}.values():
                if u["id"] != a["id"] and u["id"] != target and not u["isBot"]:
                    mention_edges.append((a["id"], u["id"], m))
    H = {host}
    print("file sizes:")
    total = 0
    for f in FILES + ["README.md"]:
        p = os.path.join(OUT_DIR, f)
        if os.path.exists(p):
            sz = os.path.getsize(p)
            total += sz
            print("  %-24s %7d bytes" % (f, sz))
    print("  %-24s %7d bytes" % ("total", total))
    print("messages per file (all / non-system non-bot / distinct authors):")
    for f, d in docs.items():
        ms = d["messages"]
        print("  %-24s %4d / %4d / %3d" % (f, len(ms), sum(1 for g, _ in msgs if g == f),
                                         len({m["author"]["id"] for m in ms})))
    types = Counter(m["type"] for d in docs.values() for m in d["messages"])
    print("message types:", dict(types))
    print("messages (post+reply by non-bots):", len(msgs), " bots:", len(bots),
          " distinct authors:", len({m["author"]["id"] for _, m in msgs}))
    peer = [r for r in replies if r[0] not in H and r[1] not in H]
    to_host = [r for r in replies if r[1] in H]
    from_host = [r for r in replies if r[0] in H]
    print("replies: %d (+%d to missing parents); between non-host people: %d (%.1f%%); to Mira: %d; by Mira: %d"
          % (len(replies), missing, len(peer), 100 * len(peer) / len(replies), len(to_host), len(from_host)))
    print("mentions (not reply targets): %d" % len(mention_edges))
    inn = defaultdict(set)
    for a, b, _ in replies + mention_edges:
        inn[b].add(a)
    top = sorted(inn.items(), key=lambda kv: -len(kv[1]))[:4]
    print("most distinct people replying/mentioning:", ", ".join("%s %d" % (names[k], len(v)) for k, v in top))
    # Regulars
    regular_ids = {a["id"] for _, m in msgs for a in [m["author"]] if a["color"] == "#1abc9c"}
    print("regulars:")
    for rid in sorted(regular_ids, key=lambda i: names[i]):
        to_regs = {b for a, b, _ in replies if a == rid and b in regular_ids}
        peer_n = sum(1 for a, b, _ in replies if a == rid and b not in H)
        print("  %-8s replies to %d other regulars, %d replies to non-host people" % (names[rid], len(to_regs), peer_n))
    # Graph shape, roughly as docs/METRICS.md (§2, §4) defines it
    participants = {m["author"]["id"] for _, m in msgs} | {x for a, b, _ in replies + mention_edges for x in (a, b)}
    members = participants - H
    und = defaultdict(set)
    for a, b, _ in replies + mention_edges:
        und[a].add(b)
        und[b].add(a)
    mem = {k: {x for x in v if x in members} for k, v in und.items() if k in members}
    core = set(k for k, v in mem.items() if v)
    changed = True
    while changed:
        changed = False
        for k in list(core):
            if len(mem[k] & core) < 2:
                core.discard(k)
                changed = True
    tied = [k for k in members if und.get(k)]
    seen, best = set(), 0
    for s in tied:
        if s in seen or not mem.get(s):
            continue
        comp, stack = {s}, [s]
        while stack:
            x = stack.pop()
            for y in mem.get(x, ()):
                if y not in comp:
                    comp.add(y)
                    stack.append(y)
        seen |= comp
        best = max(best, len(comp))
    n = len(participants)
    deg = {k: len(und.get(k, ())) for k in participants}
    dmax = max(deg.values())
    centr = sum(dmax - d for d in deg.values()) / ((n - 1) * (n - 2))
    inter = replies + mention_edges
    host_share = sum(1 for a, b, _ in inter if a in H or b in H) / len(inter)
    by_members = [(a, b) for a, b, _ in inter if a not in H]
    connect = sum(1 for a, b in by_members if b not in H) / len(by_members)
    # continuation
    days = defaultdict(lambda: [0, 0])  # day -> [host msgs, member->member interactions]
    all_ms = [parse_ms(m["timestamp"]) for d in docs.values() for m in d["messages"]]
    d0, d1 = min(all_ms) // 86400000, max(all_ms) // 86400000
    for _, m in msgs:
        if m["author"]["id"] in H:
            days[parse_ms(m["timestamp"]) // 86400000][0] += 1
    for a, b, m in inter:
        if a not in H and b not in H:
            days[parse_ms(m["timestamp"]) // 86400000][1] += 1
    hd = [d for d in range(d0, d1 + 1) if days[d][0] > 0]
    sd = [d for d in range(d0, d1 + 1) if days[d][0] == 0]
    rate_h = sum(days[d][1] for d in hd) / len(hd)
    rate_s = sum(days[d][1] for d in sd) / len(sd)
    cont = min(1.0, rate_s / rate_h)
    # starters
    children = defaultdict(list)
    for a, b, m in replies:
        ref = m.get("reference")
        if ref and ref.get("messageId"):
            children[ref["messageId"]].append(m)
    thread_doc = docs["weekly-build-log.json"]
    for m in thread_doc["messages"]:
        if not m.get("reference"):
            children[thread_doc["channel"]["id"]].append(m)

    def tree_others(mid, author, depth=0):
        for c in children.get(mid, []):
            if c["author"]["id"] != author or tree_others(c["id"], author, depth + 1):
                return True
        return False

    starters = [m for _, m in msgs if not m.get("reference") and tree_others(m["id"], m["author"]["id"])
                and not (m["id"] in {x["id"] for x in thread_doc["messages"]})]
    member_init = sum(1 for m in starters if m["author"]["id"] not in H) / len(starters)
    # questions
    first = {}
    for a, b, m in sorted(replies, key=lambda r: int(r[2]["id"])):
        ref = m.get("reference")
        pid = ref["messageId"] if ref and ref.get("messageId") else thread_doc["channel"]["id"]
        first.setdefault(pid, m["author"]["id"])
    q_ans = [m for _, m in msgs if "?" in m["content"] and m["author"]["id"] not in H and m["id"] in first]
    peer_first = sum(1 for m in q_ans if first[m["id"]] not in H)
    reactions_by_members = sum(1 for _, m in msgs for r in m["reactions"] for u in r["users"] if u["id"] not in H)
    member_msgs = sum(1 for _, m in msgs if m["author"]["id"] not in H)
    resilience = best / len(tied)
    pr = len(peer) / len(replies)
    score = 100 * (2 * pr + 2 * resilience + 2 * cont + connect + member_init + (1 - host_share) + (1 - centr)) / 10
    print("participants %d, members %d, core (2-core) %d, largest member component %d of %d tied members"
          % (n, len(members), len(core), best, len(tied)))
    print("host days %d, silent days %d: member->member interactions/day %.2f (host days) vs %.2f (silent)"
          % (len(hd), len(sd), rate_h, rate_s))
    print("member questions answered: %d, first answer by a member: %d" % (len(q_ans), peer_first))
    print("active_share %.2f (member msgs %d, member reactions %d)" % (
        member_msgs / (member_msgs + reactions_by_members), member_msgs, reactions_by_members))
    print("approx metrics: peer_reply_share %.2f resilience %.2f continuation %.2f connect_share %.2f "
          "member_initiated %.2f host_share %.2f centralization %.2f -> score %.1f"
          % (pr, resilience, cont, connect, member_init, host_share, centr, score))


def main():
    if "--check" not in sys.argv:
        write_all()
    stats()


if __name__ == "__main__":
    main()
