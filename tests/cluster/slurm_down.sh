#!/usr/bin/env bash
# Stop what slurm_up.sh started (daemons with pid files under $LM_SLURM_DIR); idempotent.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/slurm_env.sh"
scancel --user=root >/dev/null 2>&1 || true
for name in slurmd slurmctld; do
  pid="$LM_SLURM_DIR/run/$name.pid"
  if [ -f "$pid" ] && kill -0 "$(cat "$pid" 2>/dev/null)" 2>/dev/null; then
    kill "$(cat "$pid")"
    for _ in $(seq 50); do kill -0 "$(cat "$pid" 2>/dev/null)" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$pid"
done
if [ -f "$LM_SLURM_DIR/run/munged.ours" ]; then
  # munged running as the munge user may not manage to write its pid file in our run dir
  if [ -f "$LM_SLURM_DIR/run/munged.pid" ]; then
    kill "$(cat "$LM_SLURM_DIR/run/munged.pid")" 2>/dev/null || true
  else
    pkill -x munged 2>/dev/null || true
  fi
  rm -f "$LM_SLURM_DIR/run/munged.pid" "$LM_SLURM_DIR/run/munged.ours"
fi
if [ -f "$LM_SLURM_DIR/run/etc-link.ours" ]; then
  rm -f /etc/slurm/slurm.conf "$LM_SLURM_DIR/run/etc-link.ours"
fi
echo "slurm test cluster stopped"
