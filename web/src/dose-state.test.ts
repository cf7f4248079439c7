import { describe, expect, it } from 'vitest';
import { doseState } from './dose-state.js';

describe('dose state', () => {
  const today = '2025-03-10';
  it('shows what was recorded, whatever the date', () => {
    expect(doseState({ date: '2025-03-01', status: 'due', recorded: { day: 1, date: '2025-03-01', status: 'given', reason: null } }, today)).toBe('given');
    expect(doseState({ date: '2025-03-03', status: 'held', recorded: { day: 3, date: '2025-03-03', status: 'held', reason: 'ALT 3 × ULN' } }, today)).toBe('held');
  });
  it('is due from its day on (today included) and planned before', () => {
    expect(doseState({ date: '2025-03-10', status: 'due', recorded: null }, today)).toBe('due');
    expect(doseState({ date: '2025-03-09', status: 'due', recorded: null }, today)).toBe('due');
    expect(doseState({ date: '2025-03-11', status: 'due', recorded: null }, today)).toBe('planned');
  });
});
