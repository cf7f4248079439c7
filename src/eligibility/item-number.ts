/** "1. ASA class >3": an item number left on the line by a second numbering is no condition. */
export const ITEM_NUMBER = /^\s*\d{1,2}[.)](?=\s)/;
