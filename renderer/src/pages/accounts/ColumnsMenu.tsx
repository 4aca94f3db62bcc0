import type { Table } from '@tanstack/react-table';
import { Button, Menu, MenuItem, MenuTrigger, Popover, type Selection } from 'react-aria-components';
import { hideableColumns, type RegisterRow } from './register-columns';

/** Show or hide columns (react-aria menu: keyboard and screen-reader friendly). */
export function ColumnsMenu({ table }: { table: Table<RegisterRow> }) {
  const visible = new Set(hideableColumns.filter((c) => table.getColumn(c.id)?.getIsVisible()).map((c) => c.id));
  const onChange = (keys: Selection) => {
    const chosen = keys === 'all' ? new Set(hideableColumns.map((c) => c.id)) : keys;
    table.setColumnVisibility(Object.fromEntries(hideableColumns.map((c) => [c.id, chosen.has(c.id)])));
  };
  return (
    <MenuTrigger>
      <Button className="button">Columns</Button>
      <Popover className="popover">
        <Menu
          className="menu"
          aria-label="Columns to show"
          selectionMode="multiple"
          selectedKeys={visible}
          onSelectionChange={onChange}
        >
          {hideableColumns.map((c) => (
            <MenuItem key={c.id} id={c.id} className="menu-item">
              {({ isSelected }) => (
                <>
                  <span aria-hidden="true" className="check">
                    {isSelected ? '✓' : ''}
                  </span>
                  {c.label}
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
