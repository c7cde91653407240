// The helper failures every screen explains the same way: HelperError code -> message key.
export const HELPER_STATES = {
  helper_unreachable: 'stateHelperDown',
  not_paired: 'stateNotPaired',
  not_tousu: 'stateForeign',
  version_mismatch: 'stateVersion',
  timeout: 'stateTimeout',
};
