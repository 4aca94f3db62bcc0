import { useApi } from '../../api/context';
import { Modal } from '../../components/Modal';
import { AccountForm } from './AccountForm';

export function AddAccountDialog({
  isOpen,
  onOpenChange,
  onAdded,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: (id: number) => void;
}) {
  const api = useApi();
  return (
    <Modal title="Add an account" isOpen={isOpen} onOpenChange={onOpenChange} wide>
      {(close) => (
        <AccountForm
          submitLabel="Add account"
          onCancel={close}
          onSubmit={async (values) => {
            try {
              const account = await api.accounts.create(values, { handled: true });
              close();
              onAdded(account.id);
              return null;
            } catch (error) {
              return error instanceof Error ? error.message : 'The account was not added.';
            }
          }}
        />
      )}
    </Modal>
  );
}
