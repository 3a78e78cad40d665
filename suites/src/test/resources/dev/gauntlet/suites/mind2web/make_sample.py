# Writes Gauntlet's hand-made Mind2Web-format sample (our own sites and words). Not shipped; the JSON is.
import json, os, sys, random

out = sys.argv[1]

def el(tag, text="", **attrs):
    return {"tag": tag, "text": text, "attrs": attrs}

SITES = {
 "shelfwise": ("Shopping", "Books", [
   el("input", type="search", placeholder="Search titles, authors", name="q"),
   el("button", "Search"), el("a", "Bestsellers"), el("a", "New arrivals"), el("a", "Gift cards"),
   el("select", "", name="sort", options="Relevance|Price: low to high|Price: high to low|Newest"),
   el("a", "Cart"), el("a", "Sign in")]),
 "railhop": ("Travel", "Ground Transportation", [
   el("input", type="text", placeholder="From station", name="from"),
   el("input", type="text", placeholder="To station", name="to"),
   el("input", type="date", name="date"), el("select", "", name="passengers", options="1|2|3|4"),
   el("button", "Find trains"), el("a", "Timetables"), el("a", "Season tickets"), el("a", "Help")]),
 "pageturner": ("Shopping", "Books", [
   el("input", type="text", placeholder="What are you looking for?", name="query"),
   el("button", "Go"), el("a", "Fiction"), el("a", "Non-fiction"), el("a", "Children"),
   el("select", "", name="format", options="Any format|Paperback|Hardcover|Audiobook"),
   el("a", "Basket"), el("a", "Stores")]),
 "fixitnow": ("Service", "Home Repair", [
   el("input", type="text", placeholder="What needs fixing?", name="job"),
   el("input", type="text", placeholder="Postcode", name="postcode"),
   el("select", "", name="when", options="As soon as possible|This week|Next week|Flexible"),
   el("button", "Get quotes"), el("a", "Plumbers"), el("a", "Electricians"), el("a", "Reviews"), el("a", "Sign up")]),
 "tablefinder": ("Entertainment", "Restaurant", [
   el("input", type="text", placeholder="Cuisine or restaurant", name="what"),
   el("input", type="text", placeholder="Neighbourhood", name="where"),
   el("select", "", name="party", options="1 guest|2 guests|4 guests|6 guests"),
   el("select", "", name="time", options="6:00 PM|7:00 PM|8:00 PM|9:00 PM"),
   el("button", "Find a table"), el("a", "Gift cards"), el("a", "Offers"), el("a", "Log in")]),
}

# Each task: list of steps (element text or placeholder to act on, op, value, page extras)
TASKS = {
 "test_task": [
  ("shelfwise", "Search for the novel Night Orchard and sort the results by lowest price.",
   [("Search titles, authors", "TYPE", "Night Orchard"), ("Search", "CLICK", ""),
    ("sort", "SELECT", "Price: low to high")]),
  ("shelfwise", "Open the list of new arrivals.", [("New arrivals", "CLICK", "")]),
  ("shelfwise", "Look for gift cards after signing in.", [("Sign in", "CLICK", ""), ("Gift cards", "CLICK", "")]),
  ("railhop", "Find trains from Aldmoor to Brackenford for two passengers.",
   [("From station", "TYPE", "Aldmoor"), ("To station", "TYPE", "Brackenford"), ("passengers", "SELECT", "2"),
    ("Find trains", "CLICK", "")]),
  ("railhop", "Check the timetables page, then the season tickets.",
   [("Timetables", "CLICK", ""), ("Season tickets", "CLICK", "")]),
  ("railhop", "Search trains leaving Corvale for Dunmere with three passengers.",
   [("From station", "TYPE", "Corvale"), ("To station", "TYPE", "Dunmere"), ("passengers", "SELECT", "3"),
    ("Find trains", "CLICK", "")]),
  ("shelfwise", "Show the bestsellers.", [("Bestsellers", "CLICK", "")]),
  ("shelfwise", "Search for books by Ilse Varga, newest first.",
   [("Search titles, authors", "TYPE", "Ilse Varga"), ("Search", "CLICK", ""), ("sort", "SELECT", "Newest")]),
  ("shelfwise", "Find the cookbook Smoke and Citrus and list the priciest editions first.",
   [("Search titles, authors", "TYPE", "Smoke and Citrus"), ("Search", "CLICK", ""),
    ("sort", "SELECT", "Price: high to low")]),
  ("shelfwise", "Open your cart.", [("Cart", "CLICK", "")]),
  ("railhop", "Look for a single train ticket from Fenwick to Garrow.",
   [("From station", "TYPE", "Fenwick"), ("To station", "TYPE", "Garrow"), ("passengers", "SELECT", "1"),
    ("Find trains", "CLICK", "")]),
  ("railhop", "Get help with a booking.", [("Help", "CLICK", "")]),
  ("railhop", "Find trains for four people from Harlow Vale to Ivybridge.",
   [("From station", "TYPE", "Harlow Vale"), ("To station", "TYPE", "Ivybridge"), ("passengers", "SELECT", "4"),
    ("Find trains", "CLICK", "")]),
  ("railhop", "Compare season tickets.", [("Season tickets", "CLICK", "")]),
 ],
 "test_website": [
  ("pageturner", "Find the hardcover edition of The Salt Cartographer.",
   [("What are you looking for?", "TYPE", "The Salt Cartographer"), ("format", "SELECT", "Hardcover"),
    ("Go", "CLICK", "")]),
  ("pageturner", "Browse children's books.", [("Children", "CLICK", "")]),
  ("pageturner", "Look up audiobooks by Mara Quell.",
   [("What are you looking for?", "TYPE", "Mara Quell"), ("format", "SELECT", "Audiobook"), ("Go", "CLICK", "")]),
  ("pageturner", "See which stores are near and then open the basket.",
   [("Stores", "CLICK", ""), ("Basket", "CLICK", "")]),
  ("pageturner", "Browse the fiction shelf.", [("Fiction", "CLICK", "")]),
  ("pageturner", "Search paperbacks about tide pools.",
   [("What are you looking for?", "TYPE", "tide pools"), ("format", "SELECT", "Paperback"), ("Go", "CLICK", "")]),
  ("pageturner", "Open the non-fiction section.", [("Non-fiction", "CLICK", "")]),
  ("pageturner", "Find any edition of Winter Ledger.",
   [("What are you looking for?", "TYPE", "Winter Ledger"), ("format", "SELECT", "Any format"), ("Go", "CLICK", "")]),
 ],
 "test_domain": [
  ("tablefinder", "Book a table for four at 8 PM for Lebanese food in Eastgate.",
   [("Cuisine or restaurant", "TYPE", "Lebanese"), ("Neighbourhood", "TYPE", "Eastgate"),
    ("party", "SELECT", "4 guests"), ("time", "SELECT", "8:00 PM"), ("Find a table", "CLICK", "")]),
  ("tablefinder", "Show the current restaurant offers.", [("Offers", "CLICK", "")]),
  ("tablefinder", "Find ramen places in Millbrook for two people.",
   [("Cuisine or restaurant", "TYPE", "ramen"), ("Neighbourhood", "TYPE", "Millbrook"),
    ("party", "SELECT", "2 guests"), ("Find a table", "CLICK", "")]),
  ("tablefinder", "Log in and buy a gift card.", [("Log in", "CLICK", ""), ("Gift cards", "CLICK", "")]),
  ("tablefinder", "Reserve a table for six at 7 PM at a tapas bar in Old Quay.",
   [("Cuisine or restaurant", "TYPE", "tapas"), ("Neighbourhood", "TYPE", "Old Quay"),
    ("party", "SELECT", "6 guests"), ("time", "SELECT", "7:00 PM"), ("Find a table", "CLICK", "")]),
  ("tablefinder", "Find a table for one at 9 PM.",
   [("party", "SELECT", "1 guest"), ("time", "SELECT", "9:00 PM"), ("Find a table", "CLICK", "")]),
  ("fixitnow", "Get quotes for a leaking tap in AB1 2CD as soon as possible.",
   [("What needs fixing?", "TYPE", "leaking tap"), ("Postcode", "TYPE", "AB1 2CD"),
    ("when", "SELECT", "As soon as possible"), ("Get quotes", "CLICK", "")]),
  ("fixitnow", "Browse electricians.", [("Electricians", "CLICK", "")]),
  ("fixitnow", "Find someone to fix a broken fence in ZX9 8YW next week.",
   [("What needs fixing?", "TYPE", "broken fence"), ("Postcode", "TYPE", "ZX9 8YW"), ("when", "SELECT", "Next week"),
    ("Get quotes", "CLICK", "")]),
  ("fixitnow", "Read the reviews, then look at plumbers.", [("Reviews", "CLICK", ""), ("Plumbers", "CLICK", "")]),
  ("fixitnow", "Sign up for an account.", [("Sign up", "CLICK", "")]),
 ],
}

def label(e):
    return e["text"] or e["attrs"].get("placeholder") or e["attrs"].get("name", "")

def render(site, elements, step_no, ids, raw):
    parts = []
    for e, bid in zip(elements, ids):
        a = {k: v for k, v in e["attrs"].items() if k != "options"}
        attrs = "".join(f' {k}="{v}"' for k, v in a.items())
        if raw:
            attrs += f' class="c-{e["tag"]}" data-testid="{site}-{bid}"'
        b = f' backend_node_id="{bid}"'
        if e["tag"] == "input":
            parts.append(f"<input{b}{attrs}>")
        elif e["tag"] == "select":
            opts = "".join(f'<option backend_node_id="{bid}{i}" value="{o}">{o}</option>'
                           for i, o in enumerate(e["attrs"]["options"].split("|")))
            parts.append(f"<select{b}{attrs}>{opts}</select>")
        elif e["tag"] == "a":
            parts.append(f'<a{b}{attrs} href="/{e["text"].lower().replace(" ", "-")}"><span>{e["text"]}</span></a>' if not raw
                         else f'<a{b}{attrs} href="/{e["text"].lower().replace(" ", "-")}"><span class="l">{e["text"]}</span></a>')
        else:
            parts.append(f"<{e['tag']}{b}{attrs}><span>{e['text']}</span></{e['tag']}>")
    body = "".join(f"<div>{p}</div>" for p in parts)
    head = f"<head><title>{site} — step {step_no + 1}</title><style>.c-a{{color:navy}}</style><script>window.x=1</script></head>" if raw else ""
    return f'<html backend_node_id="1">{head}<body backend_node_id="2"><header><h1>{site}</h1></header>{body}</body></html>'

def candidate(e, bid, n, target):
    attrs = {k: v for k, v in e["attrs"].items() if k != "options"}
    attrs["backend_node_id"] = str(bid)
    attrs["bounding_box_rect"] = f"{20 + 110 * n},{80 + 40 * (n % 3)},100,32"
    c = {"tag": e["tag"], "attributes": json.dumps(attrs), "backend_node_id": str(bid)}
    if target:
        c["is_original_target"] = True
        c["is_top_level_target"] = True
    return c

rng = random.Random(7)
count = 0
for split, tasks in TASKS.items():
    records = []
    for ti, (site, task, steps) in enumerate(tasks):
        domain, subdomain, elements = SITES[site]
        annotation = f"gauntlet-{split.replace('_', '-')}-{ti:02d}-{site}"
        actions, reprs = [], []
        for si, (target, op, value) in enumerate(steps):
            base = 100 + 37 * si + 300 * ti
            ids = [base + i for i in range(len(elements))]
            order = list(range(len(elements)))
            rng.shuffle(order)
            shown = [elements[i] for i in order]
            shown_ids = ids
            idx = next(i for i, e in enumerate(shown) if target in (e["text"], e["attrs"].get("placeholder"), e["attrs"].get("name")))
            pos = [candidate(shown[idx], shown_ids[idx], idx, True)]
            neg = [candidate(e, b, n, False) for n, (e, b) in enumerate(zip(shown, shown_ids)) if n != idx]
            actions.append({
                "action_uid": f"{annotation}-a{si}",
                "raw_html": render(site, shown, si, shown_ids, True),
                "cleaned_html": render(site, shown, si, shown_ids, False),
                "operation": {"original_op": op, "value": value, "op": op},
                "pos_candidates": pos, "neg_candidates": neg,
            })
            tagname = {"input": "textbox", "select": "combobox", "a": "link", "button": "button"}[shown[idx]["tag"]]
            reprs.append(f"[{tagname}]  {label(shown[idx])} -> {op}" + (f": {value}" if op != "CLICK" else ""))
        records.append({"annotation_id": annotation, "website": site, "domain": domain, "subdomain": subdomain,
                        "confirmed_task": task, "action_reprs": reprs, "actions": actions})
        count += 1
    os.makedirs(os.path.join(out, split), exist_ok=True)
    with open(os.path.join(out, split, f"{split}_0.json"), "w") as f:
        json.dump(records, f, indent=1, ensure_ascii=False)
print(count, "tasks")
