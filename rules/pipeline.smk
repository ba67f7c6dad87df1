# The data flow every study shares (docs/design.md): one job per sweep solves all its points
# and writes the sweep's dataset and parameter table; a sweep with expensive points (FAN_OUT)
# gets one job per point and a combining job instead; one rule per paper figure, from the
# registry rules/figures.yaml. A study plugs in with src/lightmatter/<study>/sweeps/ and its
# figures in the registry (docs/adding-a-study.md); nothing here names a study.


wildcard_constraints:
    study="|".join(STUDIES),
    point_id="[0-9a-f]{12}",


rule solve_sweep:
    output:
        multiext(f"{RESULTS}/{{study}}/{{sweep}}", ".nc", ".params.csv"),
    log:
        f"{RESULTS}/logs/{{study}}/{{sweep}}.log",
    wildcard_constraints:
        sweep="|".join(fan_out_sweeps(False)),
    cache: "omit-software"
    group:
        "solve"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=lambda w: resource(w.study, w.sweep, "mem_mb"),
        runtime=lambda w: resource(w.study, w.sweep, "runtime"),
    params:
        # plain JSON only: these are the rerun trigger and the between-workflow cache key
        points=lambda w: points(w.study, w.sweep),
        fingerprint=lambda w: fingerprint(w.study, w.sweep),
    message:
        "{wildcards.study}: solving sweep {wildcards.sweep}"
    script:
        "../scripts/common/solve_sweep.py"


rule solve_point:
    output:
        f"{RESULTS}/{{study}}/points/{{sweep}}/{{point_id}}.nc",
    log:
        f"{RESULTS}/logs/{{study}}/points/{{sweep}}/{{point_id}}.log",
    wildcard_constraints:
        sweep="|".join(fan_out_sweeps(True)) or "^$",
    cache: "omit-software"
    group:
        "solve"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=lambda w: resource(w.study, w.sweep, "mem_mb"),
        runtime=lambda w: resource(w.study, w.sweep, "runtime"),
    params:
        point=lambda w: point_by_id(w.study, w.sweep, w.point_id),
        fingerprint=lambda w: fingerprint(w.study, w.sweep),
    message:
        "{wildcards.study}: solving point {wildcards.point_id} of sweep {wildcards.sweep}"
    script:
        "../scripts/common/solve_point.py"


rule combine_points:
    input:
        lambda w: point_files(w.study, w.sweep),
    output:
        multiext(f"{RESULTS}/{{study}}/{{sweep}}", ".nc", ".params.csv"),
    log:
        f"{RESULTS}/logs/{{study}}/{{sweep}}.log",
    wildcard_constraints:
        sweep="|".join(fan_out_sweeps(True)) or "^$",
    group:
        "post"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        points=lambda w: points(w.study, w.sweep),
    message:
        "{wildcards.study}: combining the points of sweep {wildcards.sweep}"
    script:
        "../scripts/common/combine_points.py"


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
            plot_code=script_fingerprint(f"{workflow.basedir}/{fig.script}"),
        message:
            f"{fig.study}: figure {fig.id} ({fig.paper})"
        script:
            "../scripts/{params.study}/{params.figure}.py"


# `snakemake -c2 datasets`: every sweep's dataset and parameter table, no figures.
rule datasets:
    default_target: False
    input:
        [
            f"{RESULTS}/{study}/{sweep}{ext}"
            for study in STUDIES
            for sweep in sweep_names(study)
            for ext in (".nc", ".params.csv")
        ],
    message:
        "every sweep's dataset and parameter table"


# One target rule per study: `snakemake -c2 <study>` makes all its figures.
for study in STUDIES:

    rule:
        name:
            study
        default_target: False
        input:
            all_figures(study),
        message:
            f"{study}: all figures"
