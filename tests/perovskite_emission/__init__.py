#: The superlattice dephasing parameters of the default configuration (perovskite_emission.
#: superlattice: T1, T2 at 4 K, acoustic slope, fitted LO coupling, LO energy), shared by the
#: superlattice tests.
SUPERLATTICE_KW = dict(
    t1_ps=210.0,
    t2_ref_ps=80.0,
    t_ref_k=4.0,
    sigma_ac_mev_per_k=0.002,
    gamma_lo_mev=59.46,
    e_lo_mev=16.0,
)
