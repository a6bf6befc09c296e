import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AuthGate } from '@/features/auth/components/auth-gate';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App() {
  const [router] = useState(createAppRouter);
  return (
    <AppProvider>
      <AuthGate>
        <RouterProvider router={router} />
      </AuthGate>
    </AppProvider>
  );
}
