# Sourced by train_v5.sh and train_v6.sh: the real town noise both train on, in one place (issue 21).
#   . tools/model/town_noise.sh; train_with_town_noise EXTNOISE_DIR [train_v2.py arguments ...]
# EXTNOISE_DIR: the output of tools/evaluate/make_external_noise.py. Only sources whose licence allows it (MIT, GPL-3.0);
# Boston, Brussels and the Zurich building (no licence stated) stay evaluation-only. Each set is drawn the number of
# times after its name (about 300-1,100 minutes a site).
TOWN_SOURCE="town noise, every minute of each record passing the data checks (tools/evaluate/make_external_noise.py, \
'all' tier; label: ambient-noise survey records, no catalogued or named event; STA/LTA transients kept, as a town has them): \
JoseMariaGarciaMarquez/hvsrlearn @ 4940a528 (Mexico City, 4 sensors, 364 min; MIT), \
vandanue/Tutorial-HVSR-GEOPSY @ f3b07f3a (Cianjur, West Java, 2 sites, 142 min; GPL-3.0), \
auliakhalqillah/SVIM @ f49512bb (Banda Aceh area, 40 min; GPL-3.0), \
ExpTechTW/lpgm-calculator @ b5eb1017 (ES-Net KHH01 MEMS, Taiwan, 18 min, 5 min from a regional earthquake; MIT)"

train_with_town_noise() {
    town=$1
    shift
    /usr/bin/python3 "$ROOT/tools/model/train_v2.py" \
        --extra-noise "$town/mexico_city_all.npy,100,town-MexicoCity,3" \
        --extra-noise "$town/hvsr_cianjur_1_all.npy,2000,town-Cianjur1,4" \
        --extra-noise "$town/hvsr_cianjur_2_all.npy,2000,town-Cianjur2,4" \
        --extra-noise "$town/hvsr_svim_all.npy,100,town-SVIM,8" \
        --extra-noise "$town/es_khh01_taiwan_all.npy,50,town-Taiwan,4" \
        --extra-noise-source "$TOWN_SOURCE" "$@"
}
