/** The passwords in test/fixtures/import/messy-sheet.* (as each is read: row 10 differs between CSV and XLSX). */
export const sheetPasswords = {
  pe: '="Tide"&"Mill"&42!',
  fb: 'Heron#Quarry-7720',
  music: 'password1',
  duplicate: 'Old#Pass-Duplicate-1',
  tiktok: 'Otter#Lake-2209',
  linkedinCsv: 'QuotedPass!7Lane',
  linkedinXlsx: '"Quoted"Pass!7Lane',
  blog: 'Wren%Sand-6642-Blog',
};
