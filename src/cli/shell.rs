//! `profdex shell-init`: a key binding, as fzf's `Ctrl-T`, that inserts
//! the websites picked at the cursor, each quoted for the shell (a URL's
//! `&` must not start a background job). `PROFDEX_PICK_KEY`, read when the
//! snippet runs, binds another key than `Alt-p`.

use super::args::InitShell;

const BASH: &str = r#"# profdex: Alt-p (or $PROFDEX_PICK_KEY, as `bind` writes keys: "\C-g")
# inserts the websites picked at the cursor, quoted.
__profdex_pick() {
  local item picked=""
  while IFS= read -r -d '' item; do
    [ -n "$item" ] && picked+="$(printf '%q' "$item") "
  done < <(profdex pick --multi --print website --print0)
  READLINE_LINE="${READLINE_LINE:0:READLINE_POINT}${picked}${READLINE_LINE:READLINE_POINT}"
  READLINE_POINT=$((READLINE_POINT + ${#picked}))
}
for __profdex_map in emacs-standard vi-insert vi-command; do
  bind -m "$__profdex_map" -x "\"${PROFDEX_PICK_KEY:-\\ep}\": __profdex_pick"
done
unset __profdex_map
"#;

const ZSH: &str = r#"# profdex: Alt-p (or $PROFDEX_PICK_KEY, as `bindkey` writes keys: "^G")
# inserts the websites picked at the cursor, quoted.
__profdex_pick_widget() {
  local item picked=""
  for item in ${(f)"$(profdex pick --multi --print website)"}; do
    [[ -n $item ]] && picked+="${(q)item} "
  done
  LBUFFER+=$picked
  zle reset-prompt
}
zle -N __profdex_pick_widget
bindkey "${PROFDEX_PICK_KEY:-^[p}" __profdex_pick_widget
"#;

const FISH: &str = r#"# profdex: Alt-p (or $PROFDEX_PICK_KEY, as `bind` writes keys: \cg)
# inserts the websites picked at the cursor, quoted.
function __profdex_pick
    set -l picked
    for item in (profdex pick --multi --print website)
        test -n "$item"; and set -a picked (string escape -- $item)
    end
    if set -q picked[1]
        commandline -i -- (string join ' ' $picked)' '
    end
    commandline -f repaint
end
if set -q PROFDEX_PICK_KEY
    bind $PROFDEX_PICK_KEY __profdex_pick
else
    bind \ep __profdex_pick
end
"#;

pub(super) fn snippet(shell: InitShell) -> &'static str {
    match shell {
        InitShell::Bash => BASH,
        InitShell::Zsh => ZSH,
        InitShell::Fish => FISH,
    }
}
