# The data flow every study shares (ARCHITECTURE.md): parameter table -> one solver job per case
# -> xarray aggregate per sweep -> one rule per paper figure. A study plugs in by declaring its
# sweeps in src/lightmatter/<study>/cases.py and its figures in rules/figures.yaml; its own
# rules/<study>.smk holds only what is particular to it.


wildcard_constraints:
    study="|".join(STUDIES),
    sweep="|".join(sorted({s for st in STUDIES for s in sweeps_of(st)})),


rule parameter_table:
    output:
        f"{RESULTS}/{{study}}/params/{{sweep}}.csv",
    log:
        f"{RESULTS}/logs/{{study}}/params/{{sweep}}.log",
    group:
        "tables"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        cases=lambda w: cases_of(w.study, w.sweep),
    message:
        "{wildcards.study}: parameter table of sweep {wildcards.sweep}"
    script:
        "../scripts/common/params.py"


rule solve_case:
    output:
        f"{RESULTS}/{{study}}/cases/{{sweep}}/{{case_id}}.nc",
    log:
        f"{RESULTS}/logs/{{study}}/cases/{{sweep}}/{{case_id}}.log",
    cache: "omit-software"
    group:
        "solve"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=lambda w: sweep_of(w.study, w.sweep).mem_mb,
        runtime=lambda w: sweep_of(w.study, w.sweep).runtime_min,
    params:
        # plain JSON values only: they are the between-workflow cache key and rerun trigger
        case=lambda w: cases_of(w.study, w.sweep)[w.case_id],
        fingerprint=lambda w: sweep_fingerprint(w.study, w.sweep),
    message:
        "{wildcards.study}: solving case {wildcards.case_id} of sweep {wildcards.sweep}"
    script:
        "../scripts/common/solve.py"


rule aggregate_sweep:
    input:
        table=f"{RESULTS}/{{study}}/params/{{sweep}}.csv",
        cases=lambda w: case_files(w.study, w.sweep),
    output:
        f"{RESULTS}/{{study}}/{{sweep}}.nc",
    log:
        f"{RESULTS}/logs/{{study}}/aggregate/{{sweep}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/{{study}}/aggregate/{{sweep}}.tsv"
    group:
        "post"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    message:
        "{wildcards.study}: aggregating sweep {wildcards.sweep}"
    script:
        "../scripts/common/aggregate.py"


# One rule per paper figure, generated from the registry rules/figures.yaml.
for fig in figures_of():

    rule:
        name:
            fig.rule
        input:
            fig.input_paths(RESULTS),
        output:
            pdf=report(
                fig.outputs(RESULTS)[0],
                caption=f"captions/{fig.study}/{fig.id}.rst",
                category=fig.study,
                labels={"figure": fig.id, "paper": fig.paper, "format": "PDF"},
            ),
            png=report(
                fig.outputs(RESULTS)[1],
                caption=f"captions/{fig.study}/{fig.id}.rst",
                category=fig.study,
                labels={"figure": fig.id, "paper": fig.paper, "format": "PNG"},
            ),
        log:
            f"{RESULTS}/logs/{fig.study}/figures/{fig.id}.log",
        benchmark:
            f"{RESULTS}/benchmarks/{fig.study}/figures/{fig.id}.tsv"
        group:
            "post"
        conda:
            CONDA_ENV
        threads: 1
        resources:
            mem_mb=2000,
            runtime=10,
        params:
            # the script path is resolved when the job runs, after this loop has moved on:
            # it must come from params, not from the loop variable
            study=fig.study,
            figure=fig.id,
            plot_code=plot_fingerprint(fig.study),
        message:
            f"{fig.study}: figure {fig.id} ({fig.paper})"
        script:
            "../scripts/{params.study}/{params.figure}.py"
