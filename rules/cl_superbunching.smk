# Superbunching in cathodoluminescence (Yuge, Yamamoto, Sannomiya, Akiba, PRB 107, 165303).
# params (one CSV per sweep) -> one solver job per case -> one aggregate per sweep -> figures.
# Physics: src/lightmatter/cl_superbunching/; sweeps and cases: .../cl_superbunching/cases.py.

CL = "cl_superbunching"


wildcard_constraints:
    cl_sweep="|".join(sweeps_of(CL)),


rule cl_superbunching_params:
    output:
        f"{RESULTS}/{CL}/params/{{cl_sweep}}.csv",
    log:
        f"{RESULTS}/logs/{CL}/params/{{cl_sweep}}.log",
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        cases=lambda w: cases_of(CL, w.cl_sweep),
        study=CL,
    message:
        "cl_superbunching: parameter table of sweep {wildcards.cl_sweep}"
    script:
        "../scripts/common/params.py"


rule cl_superbunching_solve:
    output:
        f"{RESULTS}/{CL}/cases/{{cl_sweep}}/{{case_id}}.nc",
    log:
        f"{RESULTS}/logs/{CL}/cases/{{cl_sweep}}/{{case_id}}.log",
    cache: "omit-software"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=lambda w: sweep_resources(CL, w.cl_sweep).mem_mb,
        runtime=lambda w: sweep_resources(CL, w.cl_sweep).runtime_min,
    params:
        case=lambda w: cases_of(CL, w.cl_sweep)[w.case_id],
        fingerprint=lambda w: sweep_fingerprint(CL, w.cl_sweep),
        study=CL,
    message:
        "cl_superbunching: solving case {wildcards.case_id} of sweep {wildcards.cl_sweep}"
    script:
        "../scripts/cl_superbunching/solve.py"


rule cl_superbunching_aggregate:
    input:
        table=f"{RESULTS}/{CL}/params/{{cl_sweep}}.csv",
        cases=lambda w: case_files(CL, w.cl_sweep),
    output:
        f"{RESULTS}/{CL}/{{cl_sweep}}.nc",
    log:
        f"{RESULTS}/logs/{CL}/aggregate/{{cl_sweep}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/{CL}/aggregate/{{cl_sweep}}.tsv"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        study=CL,
    message:
        "cl_superbunching: aggregating sweep {wildcards.cl_sweep}"
    script:
        "../scripts/common/aggregate.py"


# One rule per paper figure, generated from the registry rules/figures.yaml.
for fig in figures_of(CL):

    rule:
        name:
            fig.rule
        input:
            fig.input_paths(RESULTS),
        output:
            pdf=report(
                fig.outputs(RESULTS)[0],
                caption=f"captions/{CL}/{fig.id}.rst",
                category=CL,
                labels={"figure": fig.id, "paper": fig.paper, "format": "PDF"},
            ),
            png=report(
                fig.outputs(RESULTS)[1],
                caption=f"captions/{CL}/{fig.id}.rst",
                category=CL,
                labels={"figure": fig.id, "paper": fig.paper, "format": "PNG"},
            ),
        log:
            f"{RESULTS}/logs/{CL}/figures/{fig.id}.log",
        benchmark:
            f"{RESULTS}/benchmarks/{CL}/figures/{fig.id}.tsv"
        conda:
            CONDA_ENV
        threads: 1
        resources:
            mem_mb=2000,
            runtime=10,
        params:
            # the script path is resolved when the job runs, after this loop has moved on:
            # it must come from params, not from the loop variable
            figure=fig.id,
        message:
            f"{CL}: figure {fig.id} ({fig.paper})"
        script:
            "../scripts/cl_superbunching/{params.figure}.py"


rule cl_superbunching:
    default_target: False
    input:
        all_figures(CL),
    message:
        "cl_superbunching: all figures"
