# The claims ledger (docs/design.md, "Claims"): every quantitative statement of the five papers,
# rules/claims/<study>.yaml, evaluated on the sweeps' datasets and compared with what the paper
# states. Inputs are derived from the ledger (the datasets its claims read); the outputs are the
# table (NetCDF + CSV) and the scorecard as text, Markdown and an RST fragment for the report.
from pathlib import Path

from lightmatter import claims as claims_ledger

CLAIMS_DIR = f"{workflow.basedir}/rules/claims"
CLAIMS = claims_ledger.load_ledger(CLAIMS_DIR, STUDIES)


rule claims:
    input:
        datasets=claims_ledger.claim_datasets(CLAIMS, RESULTS),
        ledger=claims_ledger.ledger_files(CLAIMS_DIR),
    output:
        **claims_ledger.claims_outputs(RESULTS),
    log:
        f"{RESULTS}/logs/claims.log",
    benchmark:
        f"{RESULTS}/benchmarks/claims.tsv"
    group:
        "post"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        # reruns follow the ledger's content and the code that evaluates it
        ledger_dir=lambda w, input: str(Path(input.ledger[0]).parent),
        ledger_sha256=claims_ledger.ledger_sha256(CLAIMS_DIR),
        fitted=claims_ledger.fitted_values(CLAIMS, config),
        code=script_fingerprint(f"{workflow.basedir}/scripts/common/claims.py"),
    message:
        f"Evaluating the claims ledger ({len(CLAIMS)} claims) on the datasets"
    script:
        "../scripts/common/claims.py"
