"""A self-assembled check of the UI readers (not a measure on real text): WordPress's own translations of 30
everyday UI strings ("Leave a Reply", "Archives", "Log in", ...) in 34 Latin-script languages, each put into an
English page as a line of its own between two paragraphs, and as sidebar blocks of four lines.

    apt-get download wordpress-l10n && dpkg-deb -x wordpress-l10n_*.deb /tmp/wp/x
    python -m benchmarks.ui_lines [/tmp/wp/x]

It says what the line-by-line and block readers find of such text; it is built from the same kind of text it
tests, so it flatters nothing but tells little about real pages (docs/realpages.md does). The WordPress catalogs
are GPL-2.0-or-later; nothing of them is stored in the repository.
"""
import gettext, glob, os, random, collections, sys
from langscan import Detector
random.seed(2)
L = (sys.argv[1] if len(sys.argv) > 1 else "/tmp/wp/x") + "/usr/share/wordpress/wp-content/languages/"
IDS = ["Leave a Reply","Recent Posts","Recent Comments","Search for:","Read more","Posted in","All rights reserved",
       "Previous post","Next post","Skip to content","Search Results","Nothing Found","Edit","Reply","Log in","Log out",
       "Archives","Categories","Comments","Your email address will not be published.","Post Comment","Cancel reply",
       "Newer posts","Older posts","Proudly powered by WordPress","Pages","Tags","Uncategorized","Related posts","Continue reading"]
cats = {}
for p in glob.glob(L+"*.mo"):
    n=os.path.basename(p)[:-3]
    if "-" in n: continue
    lang=n.split("_")[0]
    with open(p,'rb') as f: c=gettext.GNUTranslations(f)._catalog
    d=cats.setdefault(lang,{})
    for k,v in c.items():
        if isinstance(k,str) and k in IDS and v and v.casefold()!=k.casefold(): d.setdefault(k,v)
ART = ("The city council voted on Tuesday to expand the bus network, adding three new routes that will connect the "
       "northern suburbs with the hospital district. Officials said the first buses would run in the spring.\n")
latin = [l for l in cats if l in "bs ca cs cy da de eo es et eu fi fr gd gl hr hu id it jv lv ms nb nl pl pt ro sk sl sq su sv sw tr vi".split()]
tot=collections.Counter(); hit=collections.Counter(); blk=collections.Counter(); btot=collections.Counter()
d=Detector(expect="en")
miss=collections.defaultdict(list)
for lang in sorted(latin):
    strs=list(cats[lang].values())
    for s in strs:
        text = ART+"\n"+s+"\n\n"+ART
        a=text.index("\n"+s+"\n")+1; b=a+len(s)
        fs=d.scan(text)
        cov=set()
        for f in fs: cov.update(range(f.start,f.end))
        ok = sum(1 for i in range(a,b) if i in cov and text[i].isalpha()) >= 0.5*sum(1 for i in range(a,b) if text[i].isalpha())
        tot[lang]+=1; hit[lang]+=ok
        if not ok: miss[lang].append(s)
    # footer block of 4
    for k in range(5):
        items=random.sample(strs, min(4,len(strs)))
        block="\n".join(items)
        text=ART+"\n"+block+"\n"
        a=text.index(block); b=a+len(block)
        fs=d.scan(text); cov=set()
        for f in fs: cov.update(range(f.start,f.end))
        L_=[i for i in range(a,b) if text[i].isalpha()]
        btot[lang]+=1; blk[lang]+= sum(1 for i in L_ if i in cov)>=0.9*len(L_)
for lang in sorted(latin): print(lang, f"lines {hit[lang]}/{tot[lang]}", f"blocks {blk[lang]}/{btot[lang]}", miss[lang][:6])
print("ALL lines", sum(hit.values()), "/", sum(tot.values()), "blocks", sum(blk.values()), "/", sum(btot.values()))
