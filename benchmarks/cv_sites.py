"""By-site cross-validation of the text cleaner's position prior (the constant with the most effect).

    python benchmarks/cv_sites.py [--eval ../shared/eval]

Splits the dev sites into two halves (5 random repeats), picks the best POSITION_DECAY on one half
and scores it on the other; prints the chosen values and the held-out F1. Pages of one site never
sit on both sides, so the score estimates what unseen sites get.
"""
import argparse
import glob
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean.pipeline.clean as C  # noqa: E402
from gate import _f1, shingle_prf  # noqa: E402
from newsclean.pipeline.process import process_article  # noqa: E402
from newsclean.pipeline.record import Article  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
args = ap.parse_args()
pages = []
for j in sorted(glob.glob(f"{args.eval}/dev/*.json")):
    d = json.load(open(j))
    if "body" in d:
        pages.append((d, open(j[:-5] + ".txt").read()))
grid=[0.0,0.5,0.7,0.8,0.9]
res={}
for g in grid:
    C.POSITION_DECAY=g
    res[g]=[shingle_prf(process_article(Article('x','text',raw=t,url=d['url'])).body_text(), d['body']) for d,t in pages]
sites=sorted({d['site'] for d,_ in pages}); rng=random.Random(0)
outs=[]
for rep in range(5):
    rng.shuffle(sites); A=set(sites[:len(sites)//2])
    for train,test in ((A,None),(None,A)):
        tr=[i for i,(d,_) in enumerate(pages) if (d['site'] in A)==(train is not None)]
        te=[i for i in range(len(pages)) if i not in tr]
        best=max(grid,key=lambda g:_f1([res[g][i] for i in tr]))
        outs.append((best,_f1([res[best][i] for i in te]),_f1([res[0.8][i] for i in te])))
print('chosen per fold', [o[0] for o in outs])
print('held-out F1 with fold-chosen decay: mean %.3f; with 0.8: mean %.3f; min %.3f'%(sum(o[1] for o in outs)/len(outs), sum(o[2] for o in outs)/len(outs), min(o[1] for o in outs)))
print('no position prior (0.0) overall %.3f'%_f1(res[0.0]))
