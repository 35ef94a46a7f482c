# Sourced by train_v7.sh and train_v8.sh, after town_noise.sh: three more real noise records found on 2026-12-04, in one
# place (issue 21).
#   . tools/model/town_noise.sh; . tools/model/more_noise.sh; train_with_more_noise EXTNOISE_DIR [train_v2.py arguments ...]
# Each record is drawn about 300 times a minute's worth, as town_noise.sh's are. Boston, Brussels and the Zurich
# building stay evaluation-only.
MORE_SOURCE="; more noise records, every minute passing the data checks (the same 'all' tier and label): \
fjornelas/hvsrprocpy @ c7a8197f (NX.USC6, 63 min, 200 Hz; GPL-3.0), \
thecraigoneill/Subground_HVSR @ 5af1185b (Tromino, Springbrook, Queensland, 20 min, 512 Hz; MIT), \
yudhastyawan/My-RaspShake-HVSR-Codes @ 4be77a16 (Guralp 6TD survey point HV70, 39 min, 100 Hz; MIT; the repository's \
hvsrpy/ folder is not used)"

train_with_more_noise() {
    more=$1
    shift
    train_with_town_noise "$more" \
        --extra-noise "$more/hvsr_usc6_all.npy,200,town-USC6,5" \
        --extra-noise "$more/hvsr_springbrook_all.npy,512,town-Springbrook,15" \
        --extra-noise "$more/hvsr_hv70_all.npy,100,town-HV70,8" \
        --extra-noise-source "$TOWN_SOURCE$MORE_SOURCE" "$@"
}
