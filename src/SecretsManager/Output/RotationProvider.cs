using System.Management.Automation;
using SecretsManager.Rotation;

namespace SecretsManager
{
    /// <summary>
    /// How Invoke-SmRotation -Provider rotates a secret here: your own Set/Test (and optional New) script blocks, or
    /// the built-in PostgreSQL provider. Made by New-SmRotationProvider; it holds no secret value.
    /// </summary>
    public sealed class RotationProvider
    {
        internal RotationProvider(string kind, string strategy, ScriptBlock set, ScriptBlock test, ScriptBlock newValue, string psqlPath, int passwordLength, string excludeCharacters)
        {
            Kind = kind;
            Strategy = strategy;
            Set = set;
            Test = test;
            New = newValue;
            PsqlPath = psqlPath;
            PasswordLength = passwordLength;
            ExcludeCharacters = excludeCharacters;
        }

        /// <summary>ScriptBlock (your own steps) or PostgreSql (the built-in provider).</summary>
        public string Kind { get; }

        /// <summary>For PostgreSql: SingleUser or AlternatingUsers; null otherwise.</summary>
        public string Strategy { get; }

        /// <summary>Your setSecret step (ScriptBlock providers).</summary>
        public ScriptBlock Set { get; }

        /// <summary>Your testSecret step (ScriptBlock providers).</summary>
        public ScriptBlock Test { get; }

        /// <summary>Your new value (ScriptBlock providers); null for the default, a new password.</summary>
        public ScriptBlock New { get; }

        /// <summary>For PostgreSql: the full path of the psql -PsqlPath named (relative to the location it was given in); null to find psql on PATH.</summary>
        public string PsqlPath { get; }

        /// <summary>The length of a new password.</summary>
        public int PasswordLength { get; }

        /// <summary>The characters a new password leaves out.</summary>
        public string ExcludeCharacters { get; }

        /// <summary>What the provider is, for messages and -WhatIf.</summary>
        public override string ToString() => Kind == RotationProviderKinds.PostgreSql
            ? $"the PostgreSQL provider ({Strategy})"
            : New == null ? "your Set and Test script blocks" : "your New, Set and Test script blocks";
    }
}
