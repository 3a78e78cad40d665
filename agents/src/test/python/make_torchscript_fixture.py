"""Builds the bring-your-own TorchScript policy fixture of the djl agent's tests (contract gauntlet-torchscript/1).

Trains a tiny tokenizer and element-ranking policy on a gauntlet-dataset/1 export of gold demonstrations (the djl
`export` command), and writes a model folder: model.pt (TorchScript), tokenizer.json (Hugging Face tokenizers),
manifest.json. Also writes wrong-shape.pt, a TorchScript module that breaks the contract (three operation logits).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch tokenizers
    mvn -q -pl suites -am test-compile -Ddjl.cli="export --seeds 0..39 \
        --tasks click-button,click-link,enter-text,login-user --out /tmp/gold.jsonl"
    /tmp/venv/bin/python agents/src/test/python/make_torchscript_fixture.py --data /tmp/gold.jsonl \
        --out agents/src/test/resources/dev/gauntlet/agents/djl/torchscript-policy

The texts and tensors follow the contract as the README states it (section "In-process models"):
  query    = instruction, then per earlier step " | <operation> <element text>[ <value>]"
  element  = "<role> <text>"
  inputs   = query int64 [B, Q], elements int64 [B, N, E]: token ids, truncated, right-padded with pad_id
  outputs  = (element scores float [B, N], operation logits float [B, 4] over click, fill, select, hover)
The CI has no Python torch: the tests use only the files this script wrote.
"""
import argparse
import hashlib
import json
import os
import random

import torch
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

CONTRACT = "gauntlet-torchscript/1"
OPS = ["click", "fill", "select", "hover"]
Q, E, MAX_ELEMENTS = 64, 12, 96


def element_text(e):
    return (e["role"] + " " + e["text"]).strip()


def query_text(instruction, past):
    q = instruction
    for op, text, value in past:
        q += " | " + op + " " + text + (" " + value if value else "")
    return q


def examples(path):
    """Yields (task, seed, query, element texts, gold index, gold op) for each learnable step of each success."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            ep = json.loads(line)
            if ep["outcome"] != "success":
                continue
            past = []
            for s in ep["steps"]:
                a = s["action"]
                op = a["operation"].lower()
                els = s["elements"][:MAX_ELEMENTS]
                ids = [e["id"] for e in els]
                if op in OPS and a["target"] in ids:
                    gold = ids.index(a["target"])
                    yield ep["task"], ep["seed"], query_text(ep["instruction"], past), \
                        [element_text(e) for e in els], gold, OPS.index(op)
                    past.append((op, els[gold]["text"], a["value"]))


def make_tokenizer(texts):
    tok = Tokenizer(models.BPE(unk_token="[UNK]"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    # "|" is in the initial alphabet, so every query's step separator is one token
    tok.train_from_iterator(texts, trainers.BpeTrainer(vocab_size=400, special_tokens=["[PAD]", "[UNK]"],
                                                       initial_alphabet=list("abcdefghijklmnopqrstuvwxyz0123456789|")))
    return tok


def ids(tok, text, n):
    got = tok.encode(text).ids[:n]
    return got + [0] * (n - len(got))


class Policy(torch.nn.Module):
    """Scores each element from its tokens' embedding and what it shares with the instruction and the history."""

    def __init__(self, vocab: int, sep: int, dim: int = 24):
        super().__init__()
        self.sep = sep
        self.emb = torch.nn.Embedding(vocab, dim, padding_idx=0)
        self.score = torch.nn.Sequential(torch.nn.Linear(3 * dim + 5, 48), torch.nn.ReLU(), torch.nn.Linear(48, 1))
        self.op = torch.nn.Sequential(torch.nn.Linear(2 * dim + 1, 32), torch.nn.ReLU(), torch.nn.Linear(32, 4))

    def forward(self, query: torch.Tensor, elements: torch.Tensor):
        qmask = query != 0
        after = torch.cumsum((query == self.sep).long(), 1) > 0
        inst = qmask & ~after
        hist = qmask & after & (query != self.sep)
        emask = elements != 0
        qi = (self.emb(query) * inst.unsqueeze(-1)).sum(1) / inst.sum(1, keepdim=True).clamp(min=1)
        ev = (self.emb(elements) * emask.unsqueeze(-1)).sum(2) / emask.sum(2, keepdim=True).clamp(min=1)
        same = (elements.unsqueeze(-1) == query.unsqueeze(1).unsqueeze(1)) & emask.unsqueeze(-1)
        in_inst = (same & inst.unsqueeze(1).unsqueeze(1)).any(-1).float().sum(2)
        in_hist = (same & hist.unsqueeze(1).unsqueeze(1)).any(-1).float().sum(2)
        count = emask.sum(2).clamp(min=1).float()
        steps = (query == self.sep).sum(1).float()
        n = elements.shape[1]
        qx = qi.unsqueeze(1).expand(-1, n, -1)
        f = torch.cat([ev, qx, ev * qx, (in_inst / count).unsqueeze(-1), (in_hist / count).unsqueeze(-1),
                       in_inst.unsqueeze(-1), (count == 1).float().unsqueeze(-1),
                       steps.unsqueeze(1).expand(-1, n).unsqueeze(-1)], -1)
        scores = self.score(f).squeeze(-1)
        scores = scores.masked_fill(~emask.any(-1), -1e4)
        pooled = (torch.softmax(scores, 1).unsqueeze(-1) * ev).sum(1)
        ops = self.op(torch.cat([pooled, qi, steps.unsqueeze(-1)], -1))
        return scores, ops


class WrongShape(torch.nn.Module):
    """Breaks the contract: three operation logits instead of four."""

    def forward(self, query: torch.Tensor, elements: torch.Tensor):
        return elements.sum(2).float(), torch.zeros(query.shape[0], 3)


def tensors(tok, batch):
    n = max(len(b[3]) for b in batch)
    q = torch.tensor([ids(tok, b[2], Q) for b in batch])
    e = torch.tensor([[ids(tok, t, E) for t in b[3]] + [[0] * E] * (n - len(b[3])) for b in batch])
    return q, e


def accuracy(model, tok, rows):
    right = 0
    with torch.no_grad():
        for r in rows:
            s, o = model(*tensors(tok, [r]))
            right += int(s[0].argmax()) == r[4] and int(o[0].argmax()) == r[5]
    return right / max(1, len(rows))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--heldOutFrom", type=int, default=30, help="seeds from here on are held out")
    p.add_argument("--epochs", type=int, default=40)
    a = p.parse_args()
    torch.manual_seed(0)
    random.seed(0)
    rows = list(examples(a.data))
    train = [r for r in rows if r[1] < a.heldOutFrom]
    held = [r for r in rows if r[1] >= a.heldOutFrom]
    tok = make_tokenizer([r[2] for r in train] + [t for r in train for t in r[3]])
    model = Policy(tok.get_vocab_size(), tok.token_to_id("|"))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for epoch in range(a.epochs):
        random.shuffle(train)
        total = 0.0
        for i in range(0, len(train), 16):
            batch = train[i:i + 16]
            s, o = model(*tensors(tok, batch))
            loss = torch.nn.functional.cross_entropy(s, torch.tensor([b[4] for b in batch])) \
                + torch.nn.functional.cross_entropy(o, torch.tensor([b[5] for b in batch]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        if epoch % 10 == 0 or epoch == a.epochs - 1:
            print(f"epoch {epoch}: loss {total / len(train):.4f}")
    model.eval()
    os.makedirs(a.out, exist_ok=True)
    scripted = torch.jit.script(model)
    torch.jit.save(scripted, os.path.join(a.out, "model.pt"))
    torch.jit.save(torch.jit.script(WrongShape()), os.path.join(a.out, "wrong-shape.pt"))
    tok.save(os.path.join(a.out, "tokenizer.json"))
    with open(a.data, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    train_acc, held_acc = accuracy(model, tok, train), accuracy(model, tok, held)
    manifest = {"contract": CONTRACT, "query_tokens": Q, "element_tokens": E, "pad_id": 0,
                "about": {"data": os.path.basename(a.data), "data_sha256": digest,
                          "train_steps": len(train), "held_out_steps": len(held),
                          "held_out_seeds_from": a.heldOutFrom, "epochs": a.epochs,
                          "train_step_accuracy": round(train_acc, 4), "held_out_step_accuracy": round(held_acc, 4),
                          "torch": torch.__version__}}
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"{len(train)} training steps, {len(held)} held-out steps (seeds >= {a.heldOutFrom});"
          f" step accuracy train {train_acc:.4f}, held-out {held_acc:.4f}")
    # the numbers the Java test checks: the loaded file, on the tokens DJL's tokenizer gives
    loaded = torch.jit.load(os.path.join(a.out, "model.pt"))
    example = ("", "", "Click on the \"tulip\" button.",
               ["button quartz", "button sable", "button tulip", "button umber"], 2, 0)
    q, e = tensors(tok, [example])
    with torch.no_grad():
        s, o = loaded(q, e)
    print("example query ids:", q[0][q[0] != 0].tolist())
    print("example element ids:", [row[row != 0].tolist() for row in e[0]])
    print("example scores:", [round(float(x), 5) for x in s[0]])
    print("example operation logits:", [round(float(x), 5) for x in o[0]])


if __name__ == "__main__":
    main()
