# Environment of the local test cluster (sourced by slurm_up.sh, slurm_down.sh and cluster tests).
export LM_SLURM_DIR="${LM_SLURM_DIR:-/tmp/lightmatter-slurm}"
export SLURM_CONF="$LM_SLURM_DIR/slurm.conf"
