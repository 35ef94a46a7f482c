# Hand-made channel table in NIED's layout (not real S-net values). How each expected number is checked:
# sensitivity = column 8 (V per unit) * 10^(column 12 / 20) / column 13 (V per count):
#   N.S1N01 VX: 50 * 10^(20/20) / 1.0E-07 = 50 * 10 / 1e-7 = 5.0e9 counts per m/s; VY 40 -> 4.0e9; VZ 60 -> 6.0e9
#   N.S1N01 AX (m/s/s): 1.0 * 10^(0/20) / 2.0E-06 = 5.0e5 counts per m/s**2
#   N.KMGH U (a Hi-net-like line): 200 * 10^(40/20) / 1.0E-07 = 200 * 100 / 1e-7 = 2.0e11 counts per m/s
e009  1  0 N.S1N01  VX     1 24     50.0 m/s     1  1  20  1.0E-07  35.8968  141.0535  -169  0  0  N.s1n01
e00a  1  0 N.S1N01  VY     1 24     40.0 m/s     1  1  20  1.0E-07  35.8968  141.0535  -169  0  0  N.s1n01

e00b  1  0 N.S1N01  VZ     1 24     60.0 m/s     1  1  20  1.0E-07  35.8968  141.0535  -169  0  0  N.s1n01
e00c  1  0 N.S1N01  AX     1 24      1.0 m/s/s   0  0   0  2.0E-06  35.8968  141.0535  -169  0  0  N.s1n01
2001  1  0 N.KMGH   U      0 27    200.0 m/s     1  0.7 40  1.0E-07  35.2000  139.0000   -50  0  0
