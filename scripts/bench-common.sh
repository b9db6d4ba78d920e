# Sourced by the bench scripts: from the project root, with release builds of fzcheck and the
# corpus generator (FZCHECK / GEN_CORPUS point at prebuilt ones: an installed fzcheck, or a dry
# run), and a scratch folder WORK that is removed on exit.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z ${FZCHECK:-} || -z ${GEN_CORPUS:-} ]]; then
    # Separately, the binary last: built with the example, the dev-dependencies' features (regex's
    # full DFA) would reach the binary and it would not be the one users get.
    cargo build --release --quiet --example gen_corpus
    cargo build --release --quiet --bin fzcheck
fi
BIN=${FZCHECK:-target/release/fzcheck}
GEN=${GEN_CORPUS:-target/release/examples/gen_corpus}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# GNU time measures max RSS; bash's `time` does not.
need_gnu_time() {
    if [[ ! -x /usr/bin/time ]]; then
        echo "needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
        exit 2
    fi
}
